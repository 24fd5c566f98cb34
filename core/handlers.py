"""The site's WSGI application: Django's, with a shorter middleware stack for polls.

The public poll endpoints (``/polls/``: a vote, a follow-up, the reader's
own answer) serve anonymous readers: they take a small form and answer JSON
or a redirect. They are exempt from CSRF (``polls.origin`` checks the
origin), use no session, user or messages, and are never cached or routed
by Wagtail. So most of the site's middleware (static files, page and route
caches, sessions, CSRF, authentication, messages, redirects, login lockout)
do nothing for them, yet a vote paid for passing through each one: about
a tenth of its CPU in process (README "Performance").

``build_application`` makes the application: requests under the endpoints'
prefix go to a second Django handler built with ``POLL_ENDPOINT_MIDDLEWARE``
(the security headers, the Content-Security-Policy, the 503 for a database
outage, ``Content-Length``, ``X-Frame-Options``), every other request to
Django's usual handler. Django's test client always takes the usual one;
``core/tests/test_handlers.py`` drives this one.
"""

import os

from django.conf import settings
from django.core.handlers.wsgi import WSGIHandler
from django.core.wsgi import get_wsgi_application
from django.urls import reverse

POLL_ENDPOINTS = ("polls:vote", "polls:follow_up", "polls:reader_answer")


class PollEndpointHandler(WSGIHandler):
    """Django's WSGI handler with ``settings.POLL_ENDPOINT_MIDDLEWARE``."""

    def load_middleware(self, is_async=False):
        # Django's handler reads settings.MIDDLEWARE while it builds its
        # chain; this one reads the shorter list instead.
        middleware = settings.MIDDLEWARE
        settings.MIDDLEWARE = settings.POLL_ENDPOINT_MIDDLEWARE
        try:
            super().load_middleware(is_async)
        finally:
            settings.MIDDLEWARE = middleware


def poll_endpoint_prefix():
    """The path all the public poll endpoints start with ("/polls/")."""
    return os.path.commonprefix([reverse(name) for name in POLL_ENDPOINTS])


def build_application():
    """The WSGI application: poll endpoints to their own handler."""
    site = get_wsgi_application()
    polls = PollEndpointHandler()
    prefix = poll_endpoint_prefix()

    def dispatch(environ, start_response):
        if environ.get("PATH_INFO", "").startswith(prefix):
            return polls(environ, start_response)
        return site(environ, start_response)

    return dispatch
