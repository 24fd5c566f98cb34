"""While the database is away, pages answer 503 with Retry-After, not 500."""

from http import HTTPStatus
from unittest import mock

from django.db import InterfaceError, OperationalError
from django.template.loader import render_to_string
from django.test import TestCase

from testing.demo import SEED_URL, load_demo

FIND_SITE = "wagtail.models.Site.find_for_request"


class DatabaseOutageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()

    def test_a_page_needing_the_database_gets_the_busy_page(self):
        for error in [
            OperationalError("could not connect to server: Connection refused"),
            InterfaceError("connection already closed"),
        ]:
            with self.subTest(error=error), mock.patch(FIND_SITE, side_effect=error):
                with self.assertLogs("core.database_outage", "ERROR"):
                    response = self.client.get(SEED_URL)
                self.assertEqual(response.status_code, HTTPStatus.SERVICE_UNAVAILABLE)
                self.assertEqual(response["Retry-After"], "10")
                self.assertEqual(response["Cache-Control"], "no-store")
                self.assertContains(response, "the site is very busy", status_code=503)

    def test_other_errors_are_still_server_errors(self):
        with mock.patch(FIND_SITE, side_effect=ValueError("a bug")):
            with self.assertRaises(ValueError):
                self.client.get(SEED_URL)

    def test_the_busy_pages_need_no_database(self):
        with self.assertNumQueries(0):
            html = render_to_string("503.html")
            vote_html = render_to_string(
                "polls/unavailable.html", {"message": "Try again soon."}
            )
        self.assertIn("Please try again in a few seconds", html)
        self.assertIn("/static/css/site.css", html)
        self.assertIn("Your answer was not saved", vote_html)
        self.assertIn("Try again soon.", vote_html)
