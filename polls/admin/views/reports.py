from django.db.models import F
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django_filters import DateFromToRangeFilter, ModelChoiceFilter
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.paginator import WagtailPaginator
from wagtail.admin.ui.tables import NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page

from polls.admin.views.access import ResultsPermissionMixin
from polls.admin.views.columns import DayColumn, PercentColumn, ScoreColumn
from polls.admin.views.export import SafeSpreadsheetExportMixin
from polls.insight import periods
from polls.models import DailyCount, PageTotal, Poll, PollSettings
from polls.models.counters import RECENT_DAYS

# Sections are the pages just below each site's home page (root 1, home 2).
SECTION_DEPTH = 3


def get_sections(request):
    return Page.objects.filter(depth=SECTION_DEPTH).order_by("path")


class HelpfulnessReportFilterSet(WagtailFilterSet):
    """Every filter narrows the counter rows (a WHERE), before they are summed."""

    date = DateFromToRangeFilter(
        label=_("Date"), field_name="date", widget=DateRangePickerWidget
    )
    poll = ModelChoiceFilter(
        label=_("Poll"), field_name="poll", queryset=Poll.objects.all()
    )
    section = ModelChoiceFilter(
        label=_("Section"), queryset=get_sections, method="filter_section"
    )

    class Meta:
        model = DailyCount
        fields = []

    def filter_section(self, queryset, name, value):
        return queryset.filter(page__path__startswith=value.path)


class PagePaginator(WagtailPaginator):
    """Counts rows as pages ("9 pages"), not as the counters they sum."""

    verbose_name = _("page")
    verbose_name_plural = _("pages")


def page_helpfulness_url(row):
    return reverse("polls_admin:page_helpfulness", args=[row["page"]])


class HelpfulnessReportView(
    ResultsPermissionMixin, SafeSpreadsheetExportMixin, ReportView
):
    """One row per page with answers, weakest first.

    Reads ``PageTotal`` (one row per page and choice), or ``DailyCount`` for
    a date range, never the responses, so it costs the same with a thousand
    votes or a million. Pages with fewer answers than
    ``PollSettings.minimum_responses`` (the minimum to be ranked) are listed
    but have no score and sort after every ranked page, whichever way the
    table is sorted. The results say which days they cover (all time, or the
    date filter's), and offer the last 30 complete days, the days the
    dashboard and "Needs attention" count; the download's name says them too.
    """

    page_title = _("Article helpfulness")
    header_icon = "help"
    index_url_name = "polls_admin:helpfulness"
    index_results_url_name = "polls_admin:helpfulness_results"
    results_template_name = "polls/admin/helpfulness_results.html"
    filterset_class = HelpfulnessReportFilterSet
    paginator_class = PagePaginator
    is_searchable = True
    search_fields = ["page__title"]
    default_ordering = "wilson"
    ranked_orderings = {"percent_positive", "wilson"}
    list_export = [
        "page",
        "page_title",
        "responses",
        "positive",
        "negative",
        "percent_positive",
        "wilson",
        "last_response",
    ]
    export_headings = {
        "page": _("Page ID"),
        "page_title": _("Article"),
        "responses": _("Answers"),
        "positive": _("Positive"),
        "negative": _("Negative"),
        "percent_positive": _("% positive"),
        "wilson": _("Wilson lower bound (95%), blank below the minimum to be ranked"),
        "last_response": _("Last answer"),
    }
    custom_field_preprocess = {
        "percent_positive": {
            "csv": lambda value: round(value, 1),
            "xlsx": lambda value: round(value, 1),
        },
        "wilson": {
            "csv": lambda value: "" if value is None else round(value, 4),
            "xlsx": lambda value: None if value is None else round(value, 4),
        },
    }

    @cached_property
    def minimum_responses(self):
        return PollSettings.for_request(self.request).minimum_responses

    @cached_property
    def columns(self):
        return [
            TitleColumn(
                "page_title",
                label=_("Article"),
                sort_key="page_title",
                get_url=page_helpfulness_url,
            ),
            NumberColumn("responses", label=_("Answers"), sort_key="responses"),
            NumberColumn("positive", label=_("Positive"), sort_key="positive"),
            NumberColumn("negative", label=_("Negative"), sort_key="negative"),
            PercentColumn(
                "percent_positive", label=_("% positive"), sort_key="percent_positive"
            ),
            ScoreColumn(
                "wilson",
                minimum=self.minimum_responses,
                label=_("Helpfulness score"),
                sort_key="wilson",
            ),
            DayColumn(
                "last_response", label=_("Last answer"), sort_key="last_response"
            ),
        ]

    @cached_property
    def period(self):
        """The days the figures cover: the date filter's, or all time."""
        filters = self.filters
        dates = filters.form.cleaned_data.get("date") if filters.is_valid() else None
        # The filter gives the first day's first and the last day's last moment.
        return periods.between(
            dates.start.date() if dates and dates.start else None,
            dates.stop.date() if dates and dates.stop else None,
        )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        recent = periods.last_days(RECENT_DAYS)
        context.update(
            period=self.period,
            all_time=periods.ALL_TIME,
            recent=recent,
            recent_query=urlencode({"date_from": recent.start, "date_to": recent.end}),
        )
        return context

    def get_filename(self):
        """Dated, and named after the days it covers: "all-time" or the dates."""
        return f"article-helpfulness-{self.period.slug}-{timezone.localdate():%Y-%m-%d}"

    def get_base_queryset(self):
        """All-time totals, unless a date range asks for the daily counters."""
        if self.request.GET.get("date_from") or self.request.GET.get("date_to"):
            counters = DailyCount.objects.helpfulness_by_page()
        else:
            counters = PageTotal.objects.all_time()
        return counters.with_scores(self.minimum_responses)

    def get_filterset_kwargs(self):
        kwargs = super().get_filterset_kwargs()
        kwargs["queryset"] = self.get_base_queryset()
        return kwargs

    def order_queryset(self, queryset):
        """NULLs last both ways on every database; unranked pages after ranked ones."""
        key = self.ordering.removeprefix("-")
        if self.ordering.startswith("-"):
            order = [F(key).desc(nulls_last=True)]
        else:
            order = [F(key).asc(nulls_last=True)]
        if key in self.ranked_orderings:
            order.insert(0, "under_minimum")
        return queryset.order_by(*order, "page")
