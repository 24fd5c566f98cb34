import django_filters
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView

from articles.models import ArticlePage, Contributor
from polls.admin.views.access import forbidden
from polls.admin.views.export import SafeSpreadsheetExportMixin

REPORT_PERMISSION = "articles.view_reviews_due"


class ReviewsDueReportFilterSet(WagtailFilterSet):
    reviewer = django_filters.ModelChoiceFilter(
        label=_("Reviewer"), queryset=Contributor.objects.all()
    )

    class Meta:
        model = ArticlePage
        fields = ["reviewer"]


class ReviewsDueReportView(SafeSpreadsheetExportMixin, ReportView):
    """Published articles whose medical review is past, within 30 days, or unset.

    So the team re-checks health content before it goes stale: most urgent
    first, with who reviewed it and when.
    """

    page_title = _("Reviews due")
    header_icon = "time"
    index_url_name = "articles_admin:reviews_due"
    index_results_url_name = "articles_admin:reviews_due_results"
    filterset_class = ReviewsDueReportFilterSet
    columns = [
        TitleColumn("title", label=_("Article"), url_name="wagtailadmin_pages:edit"),
        Column("reviewer", label=_("Reviewer")),
        Column("last_reviewed", label=_("Last reviewed")),
        Column("next_review_due", label=_("Next review due")),
        Column("review_status", label=_("Status")),
    ]
    list_export = [
        "title",
        "full_url",
        "reviewer",
        "last_reviewed",
        "next_review_due",
        "review_status",
    ]
    export_headings = {
        "title": _("Article"),
        "full_url": _("URL"),
        "reviewer": _("Reviewer"),
        "last_reviewed": _("Last reviewed"),
        "next_review_due": _("Next review due"),
        "review_status": _("Status"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(REPORT_PERMISSION):
            return forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_base_queryset(self):
        return ArticlePage.objects.reviews_due()

    def get_filename(self):
        return f"reviews-due-{timezone.localdate():%Y-%m-%d}"


class ReviewsDueMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm(REPORT_PERMISSION)
