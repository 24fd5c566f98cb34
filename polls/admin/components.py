from django.urls import reverse
from django.utils.http import urlencode
from wagtail.admin.ui.components import Component

from polls.admin.permissions import can_view_results
from polls.insight import periods
from polls.insight.attention import listed, needs_attention
from polls.insight.attention.listing import page_report_url, page_titles
from polls.insight.ranking import least_and_most_helpful
from polls.insight.stats import Helpfulness
from polls.models import PollSettings
from polls.models.counters import RECENT_DAYS


class HelpfulnessDashboardPanel(Component):
    """What needs attention, then the least and the most helpful pages of the
    last 30 days.

    "Last 30 days" are the 30 complete days up to yesterday, as everywhere
    (``polls.insight.periods``), and the rankings are those of
    ``polls.insight.ranking``: the figures "needs attention" tests, so a
    page shows the same number of answers here, there, in the report and in
    the digest. Only pages with at least ``PollSettings.minimum_responses``
    answers in those days are ranked.
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

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        settings = PollSettings.for_request(request)
        minimum = settings.minimum_responses
        attention = needs_attention(settings.minimum_per_side)
        least, most = least_and_most_helpful(minimum, self.limit)
        first = attention[: self.attention_limit]
        titles = page_titles(
            [row["page"] for row in least + most] + [e.page_id for e in first]
        )
        report_url = page_report_url()

        def entries(rows):
            return [
                {
                    "title": titles.get(row["page"], ""),
                    "url": report_url(row["page"]),
                    "helpfulness": Helpfulness.from_row(row, minimum=minimum),
                }
                for row in rows
            ]

        period = periods.last_days(self.days)
        return {
            "least_helpful": entries(least),
            "most_helpful": entries(most),
            "period": period,
            "minimum": minimum,
            "attention": listed(first, titles),
            "attention_more": max(0, len(attention) - self.attention_limit),
            "report_url": reverse("polls_admin:helpfulness")
            + "?"
            + urlencode({"date_from": period.start, "date_to": period.end}),
        }
