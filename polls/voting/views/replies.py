"""How the public poll endpoints answer: JSON for the widget's script, else HTML.

Progressive enhancement: the widget is a plain ``<form method="post">``.
Without JavaScript the browser posts it and the endpoint redirects back to
the page's poll (``#poll``) with the answer in the query string, so the
thank-you and follow-up form render from the (cacheable) page itself. With
JavaScript the same endpoints are called with ``fetch`` and
``Accept: application/json``, and answer in JSON.
"""

import re

from django.http import JsonResponse

from polls.voting.forms import ANCHOR_PATTERN
from polls.voting.retries import RETRY_AFTER, UNAVAILABLE_MESSAGE


def wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def answer_json(choice):
    """A choice as the widget's script shows it."""
    return {
        "choice": choice.pk,
        "label": choice.label,
        "sentiment": choice.sentiment,
        "negative": choice.is_negative,
    }


def return_anchor(form):
    """The poll to return to: one the widget could have sent, else "poll".

    Read from the raw data, since decoys for bots skip validation.
    """
    anchor = str(form.data.get("anchor") or "").strip()
    return anchor if re.fullmatch(ANCHOR_PATTERN, anchor) else "poll"


def unavailable_json():
    response = JsonResponse({"error": UNAVAILABLE_MESSAGE}, status=503)
    response["Retry-After"] = str(RETRY_AFTER)
    return response


def as_id(value):
    """``value`` as a database id, or None if it cannot be one."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number < 2**31 else None
