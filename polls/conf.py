"""The polls app's settings, read when used so tests can override them.

Override any of them in the project's settings, e.g.
``POLLS_RATE_LIMITS = {"reader": (10, 60), "network": (120, 60)}``.

Each is read once and remembered (every vote reads several, and a setting
left at its default costs Django an exception per read); a changed setting
(``override_settings`` in tests) is forgotten at once.
"""

from django.conf import settings
from django.core.signals import setting_changed
from django.dispatch import receiver

DEFAULTS = {
    "POLLS_READER_COOKIE": "poll_reader",
    "POLLS_READER_COOKIE_MAX_AGE": 365 * 86400,
    # (requests, seconds) per reader cookie and per network (/24 or /64).
    "POLLS_RATE_LIMITS": {"reader": (10, 60), "network": (120, 60)},
    # User agents that announce themselves as robots: answered, never counted.
    "POLLS_BOT_USER_AGENT_PATTERN": (
        r"bot\b|crawl|spider|slurp|scrap|facebookexternalhit|preview|wget|curl/"
    ),
    # The request header holding the client address, e.g. "HTTP_X_REAL_IP"
    # behind a proxy that sets it.
    "POLLS_CLIENT_ADDRESS_HEADER": "REMOTE_ADDR",
    # How long "needs attention" keeps its CUSUM results at most. They read
    # complete days only and are keyed on a version of those days that every
    # change to their answers moves, so they are never stale: keeping them
    # for the day computes them once a day. 0 recomputes on every view.
    "POLLS_ATTENTION_CACHE_SECONDS": 86400,
    # Where "How is this decided?" (Needs attention) links for the method in
    # full, e.g. the site's documentation at its "how-is-this-decided"
    # anchor. Empty: the admin explains it in a few sentences only.
    "POLLS_METHOD_URL": "",
}


_read = {}


def get(name):
    try:
        return _read[name]
    except KeyError:
        value = _read[name] = getattr(settings, name, DEFAULTS[name])
        return value


@receiver(setting_changed)
def _forget(*, setting, **kwargs):
    _read.pop(setting, None)
