from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.views.generic import WagtailAdminTemplateMixin

from polls.admin.views.access import ResultsPermissionMixin
from polls.insight.attention import listed, method_context, needs_attention
from polls.models import PollSettings


class AttentionPaginator(WagtailPaginator):
    verbose_name = _("article")
    verbose_name_plural = _("articles")


class NeedsAttentionView(
    ResultsPermissionMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Pages that got worse, trail the site or have comments to triage (see
    ``polls.insight.attention``), each with the figure that put it on the list.

    The most pressing come first, ``paginate_by`` to a page (``?p=2``), so a
    site where hundreds of articles need attention renders no more of them
    than one where a few do.
    """

    template_name = "polls/admin/needs_attention.html"
    page_title = _("Needs attention")
    header_icon = "warning"
    paginate_by = 50

    def get_breadcrumbs_items(self):
        # The header shows the last crumb: without this one it read "Home".
        return self.breadcrumbs_items + [{"url": "", "label": self.page_title}]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        minimum = PollSettings.for_request(self.request).minimum_per_side
        paginator = AttentionPaginator(needs_attention(minimum), self.paginate_by)
        page = paginator.get_page(self.request.GET.get("p"))
        context.update(
            entries=listed(page.object_list),
            page_obj=page,
            elided_page_range=paginator.get_elided_page_range(page.number),
            **method_context(minimum),
        )
        return context
