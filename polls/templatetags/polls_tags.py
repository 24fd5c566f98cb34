from django import template
from django.templatetags.static import static
from django.urls import reverse
from django.utils.html import format_html

from polls.models import COMMENT_MAX_LENGTH, PollSettings, Reason

register = template.Library()


@register.inclusion_tag("polls/widget.html", takes_context=True)
def poll_widget(context, page, poll=None, anchor="poll"):
    """Render ``poll`` (default: the page's end poll) as a form for any Wagtail page.

    The HTML is the same for every reader, so the page stays cacheable: the
    thank-you and follow-up states come from the query string the no-JS
    redirect adds (``?answered=<choice>``), or from the widget's script.
    """
    request = context.get("request")
    if poll is None:
        poll = _end_poll(page, request)
    if poll is None or not poll.is_active or not page or not page.pk:
        return {"poll": None}
    choices = list(poll.choices.all())
    params = getattr(request, "GET", {})
    answered = next(
        (choice for choice in choices if str(choice.pk) == params.get("answered")),
        None,
    )
    follow_up_sent = params.get("follow_up") == "sent"
    return {
        "poll": poll,
        "page": page,
        "choices": choices,
        "anchor": anchor,
        "answered": answered,
        "follow_up_sent": follow_up_sent,
        "show_follow_up": bool(
            answered and answered.is_negative and not follow_up_sent
        ),
        "has_negative": any(choice.is_negative for choice in choices),
        "reasons": Reason.choices,
        "comment_max_length": COMMENT_MAX_LENGTH,
        "vote_url": reverse("polls:vote"),
        "follow_up_url": reverse("polls:follow_up"),
        "answer_url": reverse("polls:reader_answer"),
    }


def _end_poll(page, request):
    get_end_poll = getattr(page, "get_end_poll", None)
    if get_end_poll is not None:
        return get_end_poll(request)
    if request is None:
        return None
    return PollSettings.for_request(request).default_poll


@register.simple_tag
def poll_assets():
    """The widget's stylesheet and script, for the page's <head>."""
    return format_html(
        '<link rel="stylesheet" href="{}">\n<script src="{}" defer></script>',
        static("polls/poll.css"),
        static("polls/poll.js"),
    )
