"""The public poll endpoints: vote, follow-up, and the reader's current answer.

Progressive enhancement: the widget is a plain ``<form method="post">``.
Without JavaScript the browser posts it and we redirect back to the page's
poll (``#poll``) with the answer in the query string, so the thank-you and
follow-up form render from the (cacheable) page itself. With JavaScript the
same endpoints are called with ``fetch`` and ``Accept: application/json``,
and answer in JSON.

The pages that hold the form are cached and the same for every reader, so
there is no CSRF token: ``polls.origin`` checks the request is same-origin
instead (see its docstring and polls/README.md).
"""

import re
from urllib.parse import urlencode

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import HttpResponse, HttpResponseRedirect, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt
from wagtail.models import Page

from polls import conf, lookups, reader_state, readers
from polls.forms import ANCHOR_PATTERN, VoteForm
from polls.models import Choice, Poll
from polls.origin import is_same_origin
from polls.ratelimit import hit
from polls.retries import (
    RETRY_AFTER,
    UNAVAILABLE_MESSAGE,
    DatabaseUnavailable,
    with_database_retries,
)
from polls.services import VoteRefused, record_vote

THANKS = "Thank you for your feedback."
# What Django raises for a body it cannot read as a form: a malformed
# multipart body, a charset other than UTF-8, too much data or too many fields.
UNREADABLE_BODY = (BadRequest, SuspiciousOperation, MultiPartParserError)


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def looks_like_a_bot(request):
    agent = request.headers.get("User-Agent", "")
    pattern = conf.get("POLLS_BOT_USER_AGENT_PATTERN")
    return not agent.strip() or bool(re.search(pattern, agent, re.IGNORECASE))


@method_decorator(csrf_exempt, name="dispatch")
class PollPostView(View):
    """What both POST endpoints share: origin check, rate limit, bot filter."""

    http_method_names = ["post"]
    form_class = None

    def http_method_not_allowed(self, request, *args, **kwargs):
        response = self.refuse(
            request, "Answers must be sent with POST from the poll's form.", 405
        )
        response["Allow"] = "POST"
        return response

    def post(self, request):
        if not is_same_origin(request):
            return self.refuse(
                request, "This answer did not come from this site's pages.", 403
            )
        cookie, new_cookie = readers.reader_cookie(request)
        retry_after = self.rate_limited(request, cookie)
        if retry_after:
            response = self.refuse(
                request,
                "You have sent a lot of answers in a short time. "
                "Please wait a minute and try again.",
                429,
            )
            response["Retry-After"] = str(retry_after)
            return response
        try:
            form = self.form_class(request.POST)
        except UNREADABLE_BODY:
            return self.refuse(
                request, "The answer could not be read: send the poll's form.", 400
            )

        is_bot = form.is_honeypot_filled or looks_like_a_bot(request)
        if not is_bot and not form.is_valid():
            return self.invalid(request, form)
        try:
            response = with_database_retries(self.answer, request, form, cookie, is_bot)
        except VoteRefused as refusal:
            return self.refuse(request, refusal.message, refusal.status)
        except DatabaseUnavailable:
            return self.unavailable(request)
        if new_cookie:
            readers.set_reader_cookie(response, request, cookie)
        return response

    def invalid(self, request, form):
        return self.refuse(request, form.first_error(), 400)

    def answer(self, request, form, cookie, is_bot):
        if is_bot:
            # Answer as if stored, so a bot learns nothing; store nothing.
            return self.decoy(request, form)
        page = self.find_page(form.cleaned_data["page"])
        return self.handle(request, form, page, readers.reader_key(cookie))

    def rate_limited(self, request, cookie):
        limits = conf.get("POLLS_RATE_LIMITS")
        reader_limit, reader_window = limits["reader"]
        network_limit, network_window = limits["network"]
        return max(
            hit("reader", readers.reader_key(cookie), reader_limit, reader_window),
            hit("network", readers.network_key(request), network_limit, network_window),
        )

    @staticmethod
    def find_page(page_id):
        page = lookups.live_page(page_id)
        if page is None:
            raise VoteRefused("This page does not exist or is not published.", 404)
        return page

    @staticmethod
    def check_poll(poll):
        if poll is None:
            raise VoteRefused("This poll does not exist.", 404)
        if not poll.is_active:
            raise VoteRefused("This poll is closed.", 400)
        return poll

    def refuse(self, request, message, status):
        if wants_json(request):
            response = JsonResponse({"error": message}, status=status)
        else:
            response = render(
                request,
                "polls/refused.html",
                {"message": message, "status": status},
                status=status,
            )
        patch_cache_control(response, no_store=True)
        return response

    def unavailable(self, request):
        """503 with Retry-After; its page must render without the database."""
        if wants_json(request):
            response = _unavailable_json()
        else:
            response = render(
                request,
                "polls/unavailable.html",
                {"message": UNAVAILABLE_MESSAGE},
                status=503,
            )
            response["Retry-After"] = str(RETRY_AFTER)
        patch_cache_control(response, no_store=True)
        return response

    def respond(self, request, page, anchor, query, payload):
        if wants_json(request):
            response = JsonResponse(payload)
        else:
            url = f"{page.url}?{urlencode(query)}#{anchor}"
            response = HttpResponseRedirect(url, status=303)
        patch_cache_control(response, no_store=True)
        return response


class VoteView(PollPostView):
    form_class = VoteForm

    def handle(self, request, form, page, reader_key):
        poll_id = form.cleaned_data["poll"]
        choice = lookups.choice_with_poll(form.cleaned_data["choice"])
        if choice is None or choice.poll_id != poll_id:
            self.check_poll(Poll.objects.filter(pk=poll_id).first())
            raise VoteRefused("That answer does not belong to this poll.", 400)
        self.check_poll(choice.poll)
        record_vote(page=page, choice=choice, reader_key=reader_key)
        return self.answered(request, form, page, choice)

    def decoy(self, request, form):
        data = form.data
        page = Page.objects.live().filter(pk=_as_int(data.get("page"))).first()
        choice = Choice.objects.filter(pk=_as_int(data.get("choice"))).first()
        if page is None or choice is None:
            return HttpResponse(THANKS, content_type="text/plain")
        return self.answered(request, form, page, choice)

    def answered(self, request, form, page, choice):
        return self.respond(
            request,
            page,
            _anchor(form),
            {"answered": choice.pk},
            {
                "message": THANKS,
                "answer": _answer(choice),
                "follow_up": choice.is_negative,
            },
        )


class ReaderAnswerView(View):
    """The reader's current answer, for the widget's script (never cached)."""

    http_method_names = ["get"]

    def get(self, request):
        page_id, poll_id = (
            _as_int(request.GET.get("page")),
            _as_int(request.GET.get("poll")),
        )
        if not page_id or not poll_id:
            response = JsonResponse({"error": "Give a page and a poll id."}, status=400)
        else:
            try:
                answer = with_database_retries(
                    _reader_answer, request, page_id, poll_id
                )
            except DatabaseUnavailable:
                response = _unavailable_json()
            else:
                response = JsonResponse(answer)
        patch_cache_control(response, private=True, no_store=True)
        patch_vary_headers(response, ["Cookie"])
        return response


def _reader_answer(request, page_id, poll_id):
    response = reader_state.stored_response(request, page_id=page_id, poll_id=poll_id)
    if response is None:
        return {"answer": None}
    return {
        "answer": _answer(response.choice),
        "follow_up_sent": bool(response.reasons or response.comment),
    }


def _anchor(form):
    """The poll to return to: one the widget could have sent, else "poll".

    Read from the raw data, since decoys for bots skip validation.
    """
    anchor = str(form.data.get("anchor") or "").strip()
    return anchor if re.fullmatch(ANCHOR_PATTERN, anchor) else "poll"


def _unavailable_json():
    response = JsonResponse({"error": UNAVAILABLE_MESSAGE}, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response


def _answer(choice):
    return {
        "choice": choice.pk,
        "label": choice.label,
        "sentiment": choice.sentiment,
        "negative": choice.is_negative,
    }


def _as_int(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None
