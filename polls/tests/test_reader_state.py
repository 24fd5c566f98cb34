from django.http import HttpResponse
from django.test import RequestFactory, SimpleTestCase

from polls.voting.reader_state import ReaderStateMiddleware, is_requested


class ReaderStateMiddlewareTests(SimpleTestCase):
    def respond(self, path):
        middleware = ReaderStateMiddleware(lambda request: HttpResponse("page"))
        return middleware(RequestFactory().get(path))

    def test_pages_showing_a_readers_answer_are_private_and_never_stored(self):
        for path in ["/a/?answered=3", "/a/?answered=", "/a/?follow_up=sent"]:
            with self.subTest(path):
                response = self.respond(path)
                self.assertIn("no-store", response["Cache-Control"])
                self.assertIn("private", response["Cache-Control"])
                self.assertIn("Cookie", response["Vary"])

    def test_other_pages_are_left_alone(self):
        response = self.respond("/a/?page=2")
        self.assertFalse(response.has_header("Cache-Control"))
        self.assertFalse(is_requested(RequestFactory().get("/a/?q=answered")))
