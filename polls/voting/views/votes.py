"""The vote endpoint: a reader's answer to a poll, from the widget's form.

The shared protection (same origin, rate limits, robots, retries) is
``polls.voting.views.protection``; which page, poll and choice may be answered is
``polls.voting.services``'s to say.
"""

from django.http import HttpResponse
from wagtail.models import Page

from polls.models import Choice
from polls.voting.forms import VoteData
from polls.voting.services import vote
from polls.voting.views.protection import PollPostView
from polls.voting.views.replies import answer_json, as_id, return_anchor

THANKS = "Thank you for your feedback."


class VoteView(PollPostView):
    form_class = VoteData

    def handle(self, request, form, reader_key):
        data = form.cleaned_data
        result = vote(
            page_id=data["page"],
            poll_id=data["poll"],
            choice_id=data["choice"],
            reader_key=reader_key,
        )
        return self.answered(request, form, result.page, result.choice)

    def decoy(self, request, form):
        data = form.data
        page = Page.objects.live().filter(pk=as_id(data.get("page"))).first()
        choice = Choice.objects.filter(pk=as_id(data.get("choice"))).first()
        if page is None or choice is None:
            return HttpResponse(THANKS, content_type="text/plain")
        return self.answered(request, form, page, choice)

    def answered(self, request, form, page, choice):
        return self.respond(
            request,
            page,
            return_anchor(form),
            {"answered": choice.pk},
            {
                "message": THANKS,
                "answer": answer_json(choice),
                "follow_up": choice.is_negative,
            },
        )
