from django import template
from django.templatetags.static import static
from django.utils.html import format_html

from polls.models import PollSettings
from polls.voting.widget import widget_context

register = template.Library()


@register.inclusion_tag("polls/widget.html", takes_context=True)
def poll_widget(context, page, poll=None, anchor="poll"):
    """Render ``poll`` (default: the page's end poll) as a form for any Wagtail page.

    The HTML is the same for every reader, so the page stays cacheable. The
    thank-you and follow-up states come from the widget's script, or, after
    the no-JS redirect (``?answered=…``), from the reader's stored answer
    (``polls.voting.reader_state``: such a page is never cached).
    """
    request = context.get("request")
    if poll is None:
        poll = _end_poll(page, request)
    if poll is None or not poll.is_active or not page or not page.pk:
        return {"poll": None}
    return widget_context(request, page, poll, anchor)


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
        '<link rel="stylesheet" href="{}">\n<script type="module" src="{}"></script>',
        static("polls/poll.css"),
        static("polls/poll.js"),
    )
