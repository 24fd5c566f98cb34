"""The site's WSGI application (``config.wsgi``), driven as gunicorn drives it.

Django's test client builds its own handler, so these tests call the
application gunicorn serves with WSGI environments of their own: a vote
answered through it carries the site's headers and no session or CSRF cookie.
"""

import contextlib

from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from django.test import RequestFactory

from config.wsgi import application as APPLICATION
from polls.models import Response
from polls.testing import JSON, SAME_ORIGIN, VOTE_URL, VoteTestCase


@contextlib.contextmanager
def keeping_connections():
    """As Django's test client does: the test's transaction keeps its
    connection, which the end of a request would otherwise close."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    try:
        yield
    finally:
        request_started.connect(close_old_connections)
        request_finished.connect(close_old_connections)


def call(request, application=APPLICATION):
    """(status code, headers, body) of ``application``'s answer to ``request``."""
    started = {}

    def start_response(status, headers, exc_info=None):
        started["status"], started["headers"] = status, headers

    with keeping_connections():
        chunks = application(request.environ, start_response)
        body = b"".join(chunks)
        chunks.close()
    headers = {}
    for name, value in started["headers"]:
        headers.setdefault(name.lower(), []).append(value)
    return int(started["status"].split()[0]), headers, body


class WSGIApplicationTests(VoteTestCase):
    def setUp(self):
        super().setUp()
        self.factory = RequestFactory()

    def post_vote(self, **extra):
        data = {"page": self.page.pk, "poll": self.poll.pk, "choice": self.yes.pk}
        return call(self.factory.post(VOTE_URL, data, **extra))

    def test_a_vote_is_stored_and_answered_with_the_sites_headers(self):
        status, headers, body = self.post_vote(**SAME_ORIGIN, **JSON)

        self.assertEqual(status, 200, body)
        self.assertEqual(Response.objects.get().choice, self.yes)
        self.assertIn(b"Thank you for your feedback.", body)
        self.assertEqual(headers["content-length"], [str(len(body))])
        self.assertEqual(headers["cache-control"], ["no-store"])
        self.assertEqual(headers["x-content-type-options"], ["nosniff"])
        self.assertEqual(headers["x-frame-options"], ["DENY"])
        self.assertIn("default-src 'self'", headers["content-security-policy"][0])
        cookies = " ".join(headers["set-cookie"])
        self.assertIn("poll_reader=", cookies)
        self.assertNotIn("sessionid", cookies)
        self.assertNotIn("csrftoken", cookies)

    def test_a_vote_without_javascript_goes_back_to_the_page(self):
        status, headers, _body = self.post_vote(**SAME_ORIGIN)

        self.assertEqual(status, 303)
        self.assertEqual(
            headers["location"], [f"{self.page.url}?answered={self.yes.pk}#poll"]
        )

    def test_a_refusal_renders_the_sites_refusal_page(self):
        status, headers, body = self.post_vote(
            HTTP_ORIGIN="https://elsewhere.example", HTTP_USER_AGENT="Mozilla/5.0"
        )

        self.assertEqual(status, 403)
        self.assertIn(b"did not come from this site", body)
        self.assertIn(b"<title>Your answer was not saved", body)
        self.assertFalse(Response.objects.exists())

    def test_an_unknown_endpoint_is_the_sites_404_page(self):
        status, _headers, body = call(self.factory.get("/polls/no-such-thing/"))

        self.assertEqual(status, 404)
        self.assertIn(b"Page not found", body)

    def test_other_forms_keep_the_csrf_cookie(self):
        status, headers, _body = call(self.factory.get("/admin/login/"))

        self.assertEqual(status, 200)
        self.assertIn("csrftoken=", " ".join(headers["set-cookie"]))
