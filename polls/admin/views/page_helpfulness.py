from django import forms
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from django.views.generic import TemplateView
from wagtail.admin import messages
from wagtail.admin.views.generic import WagtailAdminTemplateMixin
from wagtail.admin.widgets.button import HeaderButton
from wagtail.models import Page

from polls.admin.views.access import ResultsPermissionMixin
from polls.insight import edit_effects, periods
from polls.insight.charts import daily_chart
from polls.insight.stats import Helpfulness
from polls.models import (
    DailyCount,
    DailyReasonCount,
    PollSettings,
    Reason,
    Response,
)

PERIODS = [
    (7, _("7 days")),
    (30, _("30 days")),
    (90, _("90 days")),
    (365, _("365 days")),
]  # each the last N complete days (``polls.insight.periods.last_days``)
DEFAULT_PERIOD = 30


class PeriodForm(forms.Form):
    period = forms.TypedChoiceField(choices=PERIODS, coerce=int)


class PageHelpfulnessView(
    ResultsPermissionMixin, WagtailAdminTemplateMixin, TemplateView
):
    """Everything readers said about one page: over time, why, and per revision.

    The chart, the totals, the reasons and the before-and-after comparisons
    read counters; the comments read the answers of this one page, from the
    period's first day up to now, so today's are there to triage. The
    period is the last N complete days, as everywhere (``polls.insight.periods``);
    today's answers so far are counted beside it. The revision breakdown
    covers every answer the page ever had, so an older edit can be compared
    with the latest one whatever the period.
    """

    template_name = "polls/admin/page_helpfulness.html"
    header_icon = "help"
    comment_limit = 50
    edit_limit = 5

    def get(self, request, *args, **kwargs):
        self.page = get_object_or_404(Page, pk=kwargs["page_id"])
        return super().get(request, *args, **kwargs)

    @cached_property
    def period(self):
        if "period" not in self.request.GET:
            return DEFAULT_PERIOD
        form = PeriodForm(self.request.GET)
        if form.is_valid():
            return form.cleaned_data["period"]
        messages.warning(
            self.request,
            _(
                "“%(value)s” is not a period this page offers; "
                "showing the last %(days)s days."
            )
            % {"value": self.request.GET["period"][:20], "days": DEFAULT_PERIOD},
        )
        return DEFAULT_PERIOD

    @cached_property
    def dates(self):
        period = periods.last_days(self.period)
        return period.start, period.end

    def get_page_title(self):
        return _("Helpfulness of “%(title)s”") % {"title": self.page.title}

    def get_breadcrumbs_items(self):
        return self.breadcrumbs_items + [
            {
                "url": reverse("polls_admin:helpfulness"),
                "label": _("Article helpfulness"),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_header_buttons(self):
        buttons = [
            HeaderButton(
                _("Edit page"),
                url=reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                icon_name="edit",
            ),
            HeaderButton(
                _("Download before and after (CSV)"),
                url=reverse("polls_admin:edit_effects_export", args=[self.page.pk])
                + "?export=csv",
                icon_name="download",
            ),
            HeaderButton(
                _("All comments"),
                url=reverse("polls_comments:index")
                + "?"
                + urlencode({"page": self.page.pk}),
                icon_name="comment",
            ),
        ]
        return buttons

    def get_reasons(self, start, end):
        counts = (
            DailyReasonCount.objects.filter(page=self.page)
            .for_period(start, end)
            .by_reason()
        )
        return [
            {"code": code, "label": label, "count": counts[code]}
            for code, label in Reason.choices
        ]

    def get_revisions(self, minimum):
        rows = Response.objects.filter(page=self.page).by_revision()
        return [
            {
                "revision": row["revision"],
                "created_at": row["revision__created_at"],
                "is_live": row["revision"] == self.page.live_revision_id,
                "helpfulness": Helpfulness.from_row(row, minimum=minimum),
            }
            for row in rows
        ]

    def get_edit_comparisons(self, settings):
        """The newest edits' before-and-after comparisons, with their reasons' mix."""
        comparisons = edit_effects.compare_edits(
            self.page, minimum=settings.minimum_per_side
        )[: self.edit_limit]
        return [
            {
                "comparison": comparison,
                "reasons": edit_effects.reason_mix(self.page, comparison),
            }
            for comparison in comparisons
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        start, end = self.dates
        settings = PollSettings.for_request(self.request)
        minimum = settings.minimum_responses
        edit_days = [
            timezone.localdate(edit[1])
            for edit in edit_effects.published_edits(self.page)[1:]
        ]
        counters = DailyCount.objects.filter(page=self.page).for_period(start, end)
        today = periods.today_so_far()
        responses = (
            Response.objects.counted()
            .filter(page=self.page)
            .for_period(start, today.end)
        )
        comments = (
            responses.with_comments()
            .select_related("choice")
            .order_by("-created_at")[: self.comment_limit]
        )
        context.update(
            page=self.page,
            period=self.period,
            periods=PERIODS,
            period_label=periods.last_days(self.period).label,
            start=start,
            end=end,
            helpfulness=Helpfulness.from_row(counters.totals(), minimum=minimum),
            today=Helpfulness.from_row(
                DailyCount.objects.filter(page=self.page, date=today.end).totals()
            ),
            minimum=minimum,
            chart=daily_chart(list(counters.by_day()), start, end, edit_days=edit_days),
            edits=self.get_edit_comparisons(settings),
            look_alpha=edit_effects.LOOK_ALPHA,
            max_looks=edit_effects.MAX_LOOKS,
            reasons=self.get_reasons(start, end),
            comments=comments,
            comment_limit=self.comment_limit,
            revisions=self.get_revisions(minimum),
        )
        return context
