"""What both public POST endpoints (vote, follow-up) share.

The pages that hold the poll's form are cached and the same for every
reader, so there is no CSRF token: ``polls.voting.origin`` checks the
request is same-origin instead (its docstring says how). Then come the
reader cookie, the rate limits and the robot filter; only then the form,
and the endpoint's own work, retried while the database is away.

Which page, poll and choice the ids name, and whether they may be answered,
is for ``polls.voting.services`` to say: the endpoints only turn its refusals
(``VoteRefused``) into 4xx answers.
"""

import re
from urllib.parse import urlencode

from django.core.exceptions import BadRequest, SuspiciousOperation
from django.http import HttpResponseRedirect, JsonResponse
from django.http.multipartparser import MultiPartParserError
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from django.utils.decorators import method_decorator
from django.views import View
from django.views.decorators.csrf import csrf_exempt

from polls import conf
from polls.voting import readers
from polls.voting.origin import is_same_origin
from polls.voting.ratelimit import hits
from polls.voting.retries import (
    RETRY_AFTER,
    UNAVAILABLE_MESSAGE,
    DatabaseUnavailable,
    with_database_retries,
)
from polls.voting.services import VoteRefused
from polls.voting.views.replies import unavailable_json, wants_json

# What Django raises for a body it cannot read as a form: a malformed
# multipart body, a charset other than UTF-8, too much data or too many fields.
UNREADABLE_BODY = (BadRequest, SuspiciousOperation, MultiPartParserError)


def looks_like_a_bot(request):
    agent = request.headers.get("User-Agent", "")
    pattern = conf.get("POLLS_BOT_USER_AGENT_PATTERN")
    return not agent.strip() or bool(re.search(pattern, agent, re.IGNORECASE))


@method_decorator(csrf_exempt, name="dispatch")
class PollPostView(View):
    """Origin check, rate limit, bot filter; subclasses ``handle`` and ``decoy``.

    The reader's key (an HMAC of their cookie) is worked out once, here, and
    serves both the rate limit and the answer.
    """

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
        reader_key = readers.reader_key(cookie)
        retry_after = self.rate_limited(request, reader_key)
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
            response = with_database_retries(
                self.answer, request, form, reader_key, is_bot
            )
        except VoteRefused as refusal:
            return self.refuse(request, refusal.message, refusal.status)
        except DatabaseUnavailable:
            return self.unavailable(request)
        if new_cookie:
            readers.set_reader_cookie(response, request, cookie)
        return response

    def invalid(self, request, form):
        return self.refuse(request, form.first_error(), 400)

    def answer(self, request, form, reader_key, is_bot):
        if is_bot:
            # Answer as if stored, so a bot learns nothing; store nothing.
            return self.decoy(request, form)
        return self.handle(request, form, reader_key)

    def rate_limited(self, request, reader_key):
        """Seconds to wait if the reader or their network sent too many."""
        limits = conf.get("POLLS_RATE_LIMITS")
        return hits(
            ("reader", reader_key, *limits["reader"]),
            ("network", readers.network_key(request), *limits["network"]),
        )

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
            response = unavailable_json()
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
