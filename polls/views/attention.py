from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from polls.attention import needs_attention
from polls.models import PollSettings
from polls.views.access import ResultsPermissionMixin


class NeedsAttentionView(
    ResultsPermissionMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Pages that got worse, trail the site or have comments to triage (see
    ``polls.attention``), each with the figure that put it on the list."""

    template_name = "polls/admin/needs_attention.html"
    page_title = _("Needs attention")
    header_icon = "warning"

    def get_breadcrumbs_items(self):
        # The header shows the last crumb: without this one it read "Home".
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        minimum = PollSettings.for_request(self.request).minimum_per_side
        context.update(entries=needs_attention(minimum), minimum=minimum)
        return context
