from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component

from polls.admin.permissions import can_view_results
from polls.insight import periods
from polls.insight.attention import last_30_days_by_page, listed, needs_attention
from polls.insight.stats import Helpfulness, wilson_lower_bound_expression
from polls.models import PollSettings
from polls.models.counters import RECENT_DAYS


class HelpfulnessDashboardPanel(Component):
    """What needs attention, then the least and the most helpful pages of the
    last 30 days.

    "Last 30 days" are the 30 complete days up to yesterday, as everywhere
    (``polls.insight.periods``), and the figures are the very rows "Needs attention"
    tests (``polls.insight.attention.last_30_days_by_page``), so a page shows the
    same number of answers here, there, in the report and in the digest.
    Only pages with at least ``PollSettings.minimum_responses`` answers in
    those days are ranked, by the Wilson lower bound, numbered from both
    ends with window functions in one query; only the first few from each
    end come back. A page is in the lower half or the upper half, never in
    both lists; with an odd number of ranked pages the middle one is in
    neither.
    """

    name = "polls_helpfulness"
    template_name = "polls/admin/dashboard_panel.html"
    order = 150
    days = RECENT_DAYS
    limit = 5
    attention_limit = 3

    def render_html(self, parent_context=None):
        if not can_view_results(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)

    def get_rows(self, minimum):
        return (
            last_30_days_by_page()
            .filter(recent_responses__gte=max(minimum, 1))
            .annotate(
                page_title=F("page__title"),
                responses=F("recent_responses"),
                positive=F("recent_positive"),
                wilson=wilson_lower_bound_expression(
                    "recent_positive", "recent_responses", minimum=minimum
                ),
            )
            .annotate(
                from_bottom=Window(
                    RowNumber(), order_by=[F("wilson").asc(), F("page").asc()]
                ),
                from_top=Window(
                    RowNumber(), order_by=[F("wilson").desc(), F("page").asc()]
                ),
            )
            .values(
                "page", "page_title", "responses", "positive", "from_bottom", "from_top"
            )
            .filter(Q(from_bottom__lte=self.limit) | Q(from_top__lte=self.limit))
        )

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        settings = PollSettings.for_request(request)
        minimum = settings.minimum_responses
        # First: it brings the rows the ranking reads up to date.
        attention = needs_attention(settings.minimum_per_side)
        least, most = [], []
        for row in self.get_rows(minimum):
            entry = {
                "page": row["page"],
                "title": row["page_title"],
                "helpfulness": Helpfulness.from_row(row, minimum=minimum),
            }
            if row["from_bottom"] < row["from_top"]:
                least.append((row["from_bottom"], entry))
            elif row["from_top"] < row["from_bottom"]:
                most.append((row["from_top"], entry))
        period = periods.last_days(self.days)
        return {
            "least_helpful": [entry for _, entry in sorted(least, key=lambda e: e[0])],
            "most_helpful": [entry for _, entry in sorted(most, key=lambda e: e[0])],
            "period": period,
            "minimum": minimum,
            "attention": listed(attention[: self.attention_limit]),
            "attention_more": max(0, len(attention) - self.attention_limit),
            "report_url": reverse("polls_admin:helpfulness")
            + "?"
            + urlencode({"date_from": period.start, "date_to": period.end}),
        }
