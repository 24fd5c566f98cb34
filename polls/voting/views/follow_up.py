"""The follow-up endpoint: reasons and a comment after a negative answer.

Everything a reader can get wrong here is answered in plain words and
nothing they wrote is lost: an empty form, a comment over the limit or one
that seems to hold personal details comes back (JSON for the widget's
script, else the "Check your comment" page) with the reasons and text kept.
So does a follow-up whose answer changed in another window; one with no
stored answer at all records the answer it was written for.
"""

from django.http import HttpResponse, JsonResponse
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from wagtail.models import Page

from polls.models import Choice, PollSettings
from polls.voting.forms import FollowUpForm
from polls.voting.services import (
    AnswerNeeded,
    VoteRefused,
    live_page,
    open_poll,
    record_follow_up,
)
from polls.voting.views.protection import PollPostView
from polls.voting.views.replies import answer_json, as_id, return_anchor, wants_json
from polls.voting.widget import widget_context


class FollowUpView(PollPostView):
    form_class = FollowUpForm

    def invalid(self, request, form):
        target = self.target(form)
        if target is None:
            return super().invalid(request, form)
        return self.check(request, form, *target, form.problem, form.first_error(), 400)

    def handle(self, request, form, reader_key):
        page = live_page(form.cleaned_data["page"])
        poll = open_poll(form.cleaned_data["poll"])
        data = form.cleaned_data
        answer_id = data["confirm"] or data["choice"]
        answer = Choice.objects.filter(pk=answer_id).first() if answer_id else None
        try:
            response = record_follow_up(
                page=page,
                poll=poll,
                reader_key=reader_key,
                reasons=data["reasons"],
                comment=data["comment"],
                answer=answer,
                confirmed=bool(data["confirm"]),
            )
        except AnswerNeeded as needed:
            problem = "changed" if needed.answer else "unanswered"
            return self.check(
                request, form, page, poll, problem, needed.message, 409, needed.answer
            )
        return self.sent(request, form, page, response.choice)

    def decoy(self, request, form):
        page = Page.objects.live().filter(pk=as_id(form.data.get("page"))).first()
        thanks = PollSettings.for_request(request).follow_up_thanks()
        if page is None:
            return HttpResponse(thanks, content_type="text/plain")
        return self.sent(request, form, page, None)

    def sent(self, request, form, page, choice):
        query = {"answered": choice.pk} if choice else {}
        payload = {"message": PollSettings.for_request(request).follow_up_thanks()}
        if choice:
            payload["answer"] = answer_json(choice)
        return self.respond(
            request, page, return_anchor(form), {**query, "follow_up": "sent"}, payload
        )

    @staticmethod
    def target(form):
        """The live page and active poll the form names, if its ids are sound."""
        data = form.cleaned_data
        if "page" not in data or "poll" not in data:
            return None
        page = Page.objects.live().filter(pk=data["page"]).first()
        try:
            poll = open_poll(data["poll"])
        except VoteRefused:
            return None
        return (page, poll) if page else None

    def check(self, request, form, page, poll, problem, message, status, answer=None):
        """Ask the reader to fix or confirm what they sent; nothing is stored."""
        if wants_json(request):
            response = JsonResponse(
                {
                    "error": message,
                    "problem": problem,
                    "answer": answer_json(answer) if answer else None,
                },
                status=status,
            )
        else:
            context = widget_context(
                request,
                page,
                poll,
                return_anchor(form),
                show_follow_up=True,
                follow_up_choice=Choice.objects.filter(
                    pk=as_id(form.data.get("choice"))
                ).first(),
                kept=form.kept(),
                problem=problem,
                message=message,
            )
            response = render(request, "polls/follow_up.html", context, status=status)
        patch_cache_control(response, no_store=True)
        return response
