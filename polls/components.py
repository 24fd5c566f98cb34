from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from wagtail.admin.ui.components import Component

from polls.attention import listed, needs_attention
from polls.models import PageTotal, PollSettings
from polls.permissions import can_view_results
from polls.stats import Helpfulness


class HelpfulnessDashboardPanel(Component):
    """What needs attention, then the least and the most helpful pages of 30 days.

    Only pages with at least ``PollSettings.minimum_responses`` answers in the
    period are ranked, by the Wilson lower bound. One query, and no write:
    ``PageTotal.objects.last_30_days`` moves each row's window at read time.
    The counters are summed per page and numbered from both ends with window
    functions, and only the first few from each end come back. A page is in
    the lower half or the upper half, never in both lists; with an odd number
    of ranked pages the middle one is in neither.
    """

    name = "polls_helpfulness"
    template_name = "polls/admin/dashboard_panel.html"
    order = 150
    days = 30
    limit = 5
    attention_limit = 3

    def render_html(self, parent_context=None):
        if not can_view_results(parent_context["request"].user):
            return ""
        return super().render_html(parent_context)

    def get_rows(self, minimum):
        return (
            PageTotal.objects.last_30_days()
            .with_scores(minimum)
            .filter(under_minimum=0)
            .annotate(
                from_bottom=Window(
                    RowNumber(), order_by=[F("wilson").asc(), F("page").asc()]
                ),
                from_top=Window(
                    RowNumber(), order_by=[F("wilson").desc(), F("page").asc()]
                ),
            )
            .filter(Q(from_bottom__lte=self.limit) | Q(from_top__lte=self.limit))
        )

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        settings = PollSettings.for_request(request)
        minimum = settings.minimum_responses
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
        return {
            "least_helpful": [entry for _, entry in sorted(least, key=lambda e: e[0])],
            "most_helpful": [entry for _, entry in sorted(most, key=lambda e: e[0])],
            "days": self.days,
            "minimum": minimum,
            "attention": listed(attention[: self.attention_limit]),
            "attention_more": max(0, len(attention) - self.attention_limit),
        }
