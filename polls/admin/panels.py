"""Read-only panels for Wagtail edit forms.

``HelpfulnessPanel`` can go in any page type's panels (the site adds it to
its article pages), so polls never needs to know which page types exist.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from polls.admin.permissions import can_view_results
from polls.insight.stats import Helpfulness
from polls.models import PageTotal, PollSettings


class HelpfulnessPanel(Panel):
    """ "78% helpful, 212 answers (all time)" for the page being edited, with a link.

    Shows nothing on a page that is being created or to users who may not
    see poll results. One aggregate query over the page's ``PageTotal`` rows.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Helpfulness"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "polls/admin/panels/helpfulness_panel.html"

        def is_shown(self):
            return bool(
                self.instance is not None
                and self.instance.pk
                and self.request is not None
                and can_view_results(self.request.user)
            )

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            page = self.instance
            minimum = PollSettings.for_request(self.request).minimum_responses
            helpfulness = Helpfulness.from_row(
                PageTotal.objects.filter(page=page).totals(count="total"),
                minimum=minimum,
            )
            context.update(
                helpfulness=helpfulness,
                minimum=minimum,
                report_url=reverse("polls_admin:page_helpfulness", args=[page.pk]),
            )
            return context


class ResponseDetailsPanel(Panel):
    """What a reader said, shown above the triage status it is edited with."""

    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Answer"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "polls/admin/panels/response_details_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            response = self.instance
            context.update(
                response=response,
                page_report_url=(
                    reverse("polls_admin:page_helpfulness", args=[response.page_id])
                    if response.page_id
                    else None
                ),
            )
            return context
