"""What the widget's templates need, for the page and for the follow-up page.

The widget is the same HTML for every reader (pages are cached), unless the
URL asks for the reader's own state (``polls.voting.reader_state``): then the answer
shown is the one stored for the reader's cookie, never the URL's.
"""

from django.urls import reverse
from django.utils.translation import gettext as _

from polls.models import PollSettings, Reason
from polls.voting import reader_state
from polls.voting.forms import COMMENT_MAX_LENGTH, comment_length_message


def widget_context(request, page, poll, anchor, **extra):
    """The context of ``polls/widget.html``; ``extra`` overrides any of it."""
    choices = list(poll.choices.all())
    answered, follow_up_sent = None, False
    if reader_state.is_requested(request):
        stored = reader_state.stored_response(request, page_id=page.pk, poll_id=poll.pk)
        if stored is not None:
            answered = stored.choice
            follow_up_sent = bool(stored.reasons or stored.comment)
    settings = PollSettings.for_request(request) if request else PollSettings()
    negative = [choice for choice in choices if choice.is_negative]
    context = {
        "poll": poll,
        "page": page,
        "choices": choices,
        "negative_choices": negative,
        "anchor": anchor,
        "answered": answered,
        # The thanks for a follow-up only right after sending one.
        "follow_up_sent": follow_up_sent
        and getattr(request, "GET", {}).get("follow_up") == "sent",
        "show_follow_up": bool(
            answered and answered.is_negative and not follow_up_sent
        ),
        "follow_up_choice": answered if answered and answered.is_negative else None,
        "has_negative": bool(negative),
        "reasons": Reason.choices,
        "comment_help": settings.comment_help,
        "follow_up_thanks": settings.follow_up_thanks(),
        "comment_max_length": COMMENT_MAX_LENGTH,
        "kept": {"reasons": [], "comment": "", "counter": "", "over_limit": False},
        "default_counter": _("You can write up to %(limit)s characters.")
        % {"limit": f"{COMMENT_MAX_LENGTH:,}"},
        "full_counter": comment_length_message(0),
        "problem": "",
        "message": "",
        "vote_url": reverse("polls:vote"),
        "follow_up_url": reverse("polls:follow_up"),
        "answer_url": reverse("polls:reader_answer"),
    }
    context.update(extra)
    return context
