"""Reader comments: a listing editors triage, one status at a time.

A status is only ever changed through ``polls.admin.triage.set_triage_status``,
so marking a response as spam takes it out of every count (and back).
Responses are never added, copied or deleted here: the viewset only routes
the listing, the edit form and the quick triage buttons.
"""

import django_filters
from django import forms
from django.http import HttpResponseBadRequest
from django.middleware.csrf import get_token
from django.shortcuts import get_object_or_404, redirect
from django.urls import path, reverse
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.views import View
from wagtail.admin import messages
from wagtail.admin.filters import (
    BooleanRadioSelect,
    DateRangePickerWidget,
    WagtailFilterSet,
)
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.tables import (
    Column,
    DateColumn,
    StatusFlagColumn,
    StatusTagColumn,
    TitleColumn,
)
from wagtail.admin.utils import get_valid_next_url_from_request
from wagtail.admin.views import generic
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.log_actions import log
from wagtail.models import Page

from polls.admin.menu import ResultsMenuItem
from polls.admin.panels import ResponseDetailsPanel
from polls.admin.permissions import results_permission_policy
from polls.admin.triage import set_triage_status
from polls.admin.views.access import ResultsPermissionMixin
from polls.admin.views.export import SafeSpreadsheetExportMixin
from polls.models import Poll, Response, TriageStatus


def local_minute(value):
    """A stored (UTC) time in the site's time zone, to the minute."""
    return timezone.localtime(value).replace(second=0, microsecond=0)


def yes_no(value):
    return str(_("Yes") if value else _("No"))


def pages_with_comments(request):
    return Page.objects.filter(
        pk__in=Response.objects.with_comments().values("page")
    ).order_by("title")


class CommentFilterSet(WagtailFilterSet):
    triage_status = django_filters.ChoiceFilter(
        label=_("Status"), choices=TriageStatus.choices
    )
    comment_flagged = django_filters.BooleanFilter(
        label=_("May contain personal details"), widget=BooleanRadioSelect
    )
    poll = django_filters.ModelChoiceFilter(
        label=_("Poll"), queryset=Poll.objects.all()
    )
    page = django_filters.ModelChoiceFilter(
        label=_("Page"), queryset=pages_with_comments
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Date"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Response
        fields = []


class TriageColumn(Column):
    """One small POST form per other status: triage without opening each comment."""

    cell_template_name = "polls/admin/tables/triage_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        query = request.GET.copy()
        query.pop("_w_filter_fragment", None)
        context.update(
            csrf_token=get_token(request),
            action_url=reverse("polls_comments:triage", args=[instance.pk]),
            next_url=reverse("polls_comments:index")
            + (f"?{query.urlencode()}" if query else ""),
            statuses=[
                (value, label)
                for value, label in TriageStatus.choices
                if value != instance.triage_status
            ],
        )
        return context


class CommentIndexView(
    ResultsPermissionMixin, SafeSpreadsheetExportMixin, generic.IndexView
):
    page_title = _("Reader comments")
    default_ordering = "-created_at"
    search_fields = ["comment", "page_title"]
    search_backend_name = None
    list_export = [
        "created_at",
        "page_title",
        "page_url",
        "poll",
        "choice",
        "reason_labels",
        "comment",
        "comment_flagged",
        "get_triage_status_display",
    ]
    export_headings = {
        "created_at": _("Answered"),
        "page_title": _("Page"),
        "page_url": _("Page URL"),
        "poll": _("Poll"),
        "choice": _("Answer"),
        "reason_labels": _("Reasons"),
        "comment": _("Comment"),
        "comment_flagged": _("May contain personal details"),
        "get_triage_status_display": _("Status"),
    }
    # Like the other exports: local time to the minute, and words, not codes.
    custom_field_preprocess = {
        "created_at": {
            "csv": lambda value: local_minute(value).strftime("%Y-%m-%d %H:%M"),
            "xlsx": lambda value: timezone.make_naive(local_minute(value)),
        },
        "comment_flagged": {"csv": yes_no, "xlsx": yes_no},
    }

    def get_base_queryset(self):
        return Response.objects.with_comments().select_related("choice", "poll")

    def get_filename(self):
        return f"reader-comments-{timezone.localdate():%Y-%m-%d}"

    @cached_property
    def columns(self):
        title_column_class = self._get_title_column_class(TitleColumn)
        columns = [
            title_column_class(
                "comment",
                label=_("Comment"),
                get_url=self.get_edit_url,
                classname="polls-comment-excerpt",
                width="30%",
            ),
            TitleColumn(
                "page_title",
                label=_("Page"),
                sort_key="page_title",
                get_url=lambda response: (
                    reverse("polls_admin:page_helpfulness", args=[response.page_id])
                    if response.page_id
                    else None
                ),
            ),
            Column("choice", label=_("Answer")),
            Column(
                "reasons",
                label=_("Reasons"),
                accessor=lambda response: ", ".join(response.reason_labels),
            ),
            StatusFlagColumn(
                "comment_flagged",
                label=_("Flagged"),
                true_label=_("Personal details?"),
            ),
            StatusTagColumn(
                "get_triage_status_display",
                label=_("Status"),
                sort_key="triage_status",
                primary=lambda response: response.triage_status == TriageStatus.NEW,
            ),
            DateColumn("created_at", label=_("Date"), sort_key="created_at"),
        ]
        if self.user_has_permission("change"):
            columns.append(TriageColumn("triage", label=_("Mark as")))
        return columns


class TriageEditView(ResultsPermissionMixin, generic.EditView):
    permission_required = "change"
    success_message = _("Comment marked “%(status)s”.")

    def save_instance(self):
        status = self.form.cleaned_data["triage_status"]
        response = set_triage_status(self.object, status)
        log(instance=response, action="wagtail.edit", content_changed=True)
        return response

    def get_success_message(self):
        return self.success_message % {
            "status": self.object.get_triage_status_display()
        }


class TriageView(ResultsPermissionMixin, View):
    """The quick buttons in the listing: POST a status, go back to the list."""

    permission_required = "change"
    http_method_names = ["post"]

    def post(self, request, pk):
        response = get_object_or_404(Response, pk=pk)
        status = request.POST.get("status", "")
        if status not in TriageStatus.values:
            return HttpResponseBadRequest(_("Unknown status."))
        response = set_triage_status(response, status)
        log(instance=response, action="wagtail.edit", content_changed=True)
        messages.success(
            request,
            _("Comment on “%(page)s” marked “%(status)s”.")
            % {
                "page": response.page_title,
                "status": response.get_triage_status_display(),
            },
        )
        return redirect(
            get_valid_next_url_from_request(request) or "polls_comments:index"
        )


class CommentViewSet(ModelViewSet):
    model = Response
    name = "polls_comments"
    url_prefix = "polls/comments"
    icon = "comment"
    menu_label = _("Reader comments")
    menu_hook = "register_reports_menu_item"
    menu_order = 1410
    menu_item_class = ResultsMenuItem
    permission_policy = results_permission_policy
    add_to_reference_index = False
    copy_view_enabled = False
    index_view_class = CommentIndexView
    edit_view_class = TriageEditView
    filterset_class = CommentFilterSet
    list_per_page = 50
    panels = [
        ResponseDetailsPanel(),
        FieldPanel("triage_status", widget=forms.RadioSelect),
    ]

    def get_common_view_kwargs(self, **kwargs):
        # Only the listing, the edit form and the triage buttons exist.
        return super().get_common_view_kwargs(
            add_url_name=None,
            delete_url_name=None,
            history_url_name=None,
            usage_url_name=None,
            **kwargs,
        )

    def get_permissions_to_register(self):
        return super().get_permissions_to_register().filter(codename="change_response")

    def get_urlpatterns(self):
        return [
            path("", self.index_view, name="index"),
            path("results/", self.index_results_view, name="index_results"),
            path("edit/<int:pk>/", self.edit_view, name="edit"),
            path("triage/<int:pk>/", TriageView.as_view(), name="triage"),
        ]
