"""Polls as Wagtail snippets, and the rule that answered polls are never deleted."""

from django.db.models import Count, IntegerField, OuterRef, ProtectedError, Subquery
from django.db.models.functions import Coalesce
from django.shortcuts import redirect
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from wagtail.admin import messages
from wagtail.admin.ui.tables import BooleanColumn, Column, NumberColumn
from wagtail.snippets.views.snippets import DeleteView, IndexView, SnippetViewSet

from polls.admin.permissions import can_view_results
from polls.models import Poll, Response


def describe_choices(poll):
    return ", ".join(
        f"{choice.label} ({choice.get_sentiment_display().lower()})"
        for choice in poll.choices.all()
    )


def refuse_deleting_answered_polls(request, instances):
    """``before_delete_snippet`` hook: a poll with responses stays.

    ``Response.poll`` is ``on_delete=PROTECT``, and Wagtail's delete views
    (one snippet, or several at once) would let the database refuse with a
    server error. Refuse first, with a message that says what to do instead.
    """
    polls = [instance for instance in instances if isinstance(instance, Poll)]
    if not polls:
        return None
    answered = (
        Response.objects.filter(poll__in=polls)
        .values("poll")
        .annotate(count=Count("pk"))
        .order_by()
    )
    counts = {row["poll"]: row["count"] for row in answered}
    refused = [poll for poll in polls if counts.get(poll.pk)]
    if not refused:
        return None
    for poll in refused:
        messages.error(request, cannot_delete_message(poll, counts[poll.pk]))
    return redirect(Poll.snippet_viewset.get_url_name("list"))


def cannot_delete_message(poll, count):
    return ngettext(
        "“%(question)s” has %(count)s answer, so it cannot be deleted. "
        "Untick “Is active” to stop showing it to readers.",
        "“%(question)s” has %(count)s answers, so it cannot be deleted. "
        "Untick “Is active” to stop showing it to readers.",
        count,
    ) % {"question": poll.question, "count": count}


class PollDeleteView(DeleteView):
    """Also refuses if a reader answers between the check and the delete."""

    def form_valid(self, form):
        try:
            return super().form_valid(form)
        except ProtectedError:
            count = Response.objects.filter(poll=self.object).count()
            messages.error(self.request, cannot_delete_message(self.object, count))
            return redirect(Poll.snippet_viewset.get_url_name("list"))


class PollIndexView(IndexView):
    """A poll's response count is a result: shown only to those who may see them."""

    @cached_property
    def columns(self):
        columns = super().columns
        if can_view_results(self.request.user):
            return columns
        return [column for column in columns if column.name != "response_count"]


class PollViewSet(SnippetViewSet):
    model = Poll
    icon = "help"
    menu_label = _("Polls")
    menu_order = 310
    add_to_admin_menu = True
    index_view_class = PollIndexView
    delete_view_class = PollDeleteView
    list_filter = ["is_active"]
    list_display = [
        "question",
        BooleanColumn("is_active", label=_("Active"), sort_key="is_active"),
        Column("choices", label=_("Choices"), accessor=describe_choices),
        NumberColumn(
            "response_count", label=_("Answers, all time"), sort_key="response_count"
        ),
    ]

    def get_queryset(self, request):
        responses = (
            Response.objects.filter(poll=OuterRef("pk"))
            .order_by()
            .values("poll")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return Poll.objects.annotate(
            response_count=Coalesce(Subquery(responses, output_field=IntegerField()), 0)
        ).prefetch_related("choices")
