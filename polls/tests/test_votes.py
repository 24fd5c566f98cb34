"""The public vote and follow-up endpoints, with and without JavaScript."""

from http import HTTPStatus

from django.db import connection
from django.test.utils import CaptureQueriesContext

from polls.models import Response
from polls.testing import (
    SAME_ORIGIN,
    VoteTestCase,
    choice,
    make_page,
    make_poll,
    render_widget,
)


class WithoutJavaScriptTests(VoteTestCase):
    def test_a_vote_is_stored_and_redirects_back_to_the_poll(self):
        response = self.vote(self.yes)
        self.assertEqual(response.status_code, HTTPStatus.SEE_OTHER)
        self.assertEqual(
            response["Location"], f"{self.page.url}?answered={self.yes.pk}#poll"
        )
        self.assertEqual(Response.objects.get().choice, self.yes)

    def test_the_reader_cookie_is_first_party_lax_and_http_only(self):
        cookie = self.vote().cookies["poll_reader"]
        self.assertEqual(cookie["samesite"], "Lax")
        self.assertTrue(cookie["httponly"])
        self.assertEqual(cookie["path"], "/")
        self.assertNotEqual(Response.objects.get().reader_key, cookie.value)

    def test_answering_again_changes_the_one_answer(self):
        self.vote(self.yes)
        self.vote(self.no)
        self.assertEqual(Response.objects.get().choice, self.no)

    def test_the_block_anchor_is_kept_in_the_redirect(self):
        response = self.vote(anchor="poll-12")
        self.assertTrue(response["Location"].endswith("#poll-12"))

    def reader_cookie(self):
        return {"poll_reader": self.client.cookies["poll_reader"].value}

    def test_a_negative_answer_leads_to_the_follow_up_form(self):
        location = self.vote(self.no)["Location"]
        query = location.split("?")[1].split("#")[0]
        html = render_widget(self.page, query, cookies=self.reader_cookie())
        self.assertIn("You answered “No”", html)
        self.assertIn("data-poll-follow-up>", html)  # rendered without `hidden`

    def test_follow_up_is_stored_and_redirects_with_thanks(self):
        self.vote(self.no)
        response = self.follow_up(reasons=["inaccurate", "other"], comment="Old advice")
        self.assertEqual(response.status_code, HTTPStatus.SEE_OTHER)
        self.assertIn("follow_up=sent", response["Location"])
        stored = Response.objects.get()
        self.assertEqual(
            (stored.reasons, stored.comment), (["inaccurate", "other"], "Old advice")
        )
        query = response["Location"].split("?")[1].split("#")[0]
        html = render_widget(self.page, query, cookies=self.reader_cookie())
        self.assertIn("Thank you for telling us more", html)


class WithJavaScriptTests(VoteTestCase):
    def test_a_vote_answers_in_json(self):
        response = self.vote(self.no, js=True)
        self.assertEqual(response.status_code, HTTPStatus.OK)
        body = response.json()
        self.assertEqual(body["answer"]["label"], "No")
        self.assertTrue(body["follow_up"])
        self.assertEqual(response["Cache-Control"], "no-store")

    def test_follow_up_answers_in_json(self):
        self.vote(self.no, js=True)
        response = self.follow_up(js=True, reasons=["hard_to_understand"])
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertIn("Thank you", response.json()["message"])


class BadInputTests(VoteTestCase):
    def test_each_bad_vote_gets_a_clear_4xx_and_writes_nothing(self):
        other_poll = make_poll("Another poll")
        closed = make_poll("Closed", is_active=False)
        draft = make_page("Draft", live=False)
        cases = {
            "page missing": ({"page": ""}, 400, "page"),
            "page not a number": ({"page": "abc"}, 400, "page"),
            "page unknown": ({"page": 999999}, 404, "does not exist"),
            "page unpublished": ({"page": draft.pk}, 404, "not published"),
            "poll unknown": ({"poll": 999999}, 404, "poll does not exist"),
            "poll closed": (
                {"poll": closed.pk, "choice": choice(closed, "Yes").pk},
                400,
                "closed",
            ),
            "choice of another poll": (
                {"choice": choice(other_poll, "Yes").pk},
                400,
                "does not belong",
            ),
            "choice unknown": ({"choice": 999999}, 400, "does not belong"),
            "choice negative": ({"choice": -1}, 400, "choice"),
            "huge id": ({"page": 10**30}, 400, "page"),
            "bad anchor": ({"anchor": "javascript:alert(1)"}, 400, "anchor"),
        }
        for name, (data, status, words) in cases.items():
            with self.subTest(name):
                response = self.vote(js=True, **data)
                self.assertEqual(response.status_code, status)
                self.assertIn(words, response.json()["error"])
        self.assertNothingStored()

    def test_html_refusals_for_browsers_without_javascript(self):
        response = self.vote(page=999999)
        self.assertEqual(response.status_code, HTTPStatus.NOT_FOUND)
        self.assertContains(response, "Your answer was not saved", status_code=404)

    def test_bad_follow_ups_get_a_clear_4xx_and_change_nothing(self):
        cases = {
            "before answering": ({"comment": "Hm"}, 409, "no answer from you"),
            "comment over the limit": ({"comment": "x" * 1001}, 400, "too long"),
            "unknown reason": ({"reasons": ["bribery"]}, 400, "not one of the"),
            "null byte": ({"comment": "a\x00b"}, 400, "Null characters"),
        }
        for name, (data, status, words) in cases.items():
            with self.subTest(name):
                if name != "before answering":
                    self.vote(self.no)
                response = self.follow_up(js=True, **data)
                self.assertEqual(response.status_code, status)
                self.assertIn(words, response.json()["error"])
        self.assertEqual(Response.objects.filter(comment__gt="").count(), 0)
        self.assertFalse(Response.objects.exclude(reasons=[]).exists())

    def test_a_follow_up_after_a_positive_answer_is_refused(self):
        self.vote(self.yes)
        response = self.follow_up(js=True, comment="Great")
        self.assertEqual(response.status_code, HTTPStatus.CONFLICT)
        self.assertEqual(Response.objects.get().comment, "")


class CacheablePageTests(VoteTestCase):
    def test_the_widget_is_the_same_for_every_anonymous_reader(self):
        before = render_widget(self.page)
        cookie = self.vote(self.no).cookies["poll_reader"].value
        after = render_widget(self.page, cookies={"poll_reader": cookie})
        self.assertEqual(before, after)
        self.assertNotIn("csrfmiddlewaretoken", after)


class QueryBudgetTests(VoteTestCase):
    def test_a_first_vote_and_a_changed_vote_cost_a_fixed_number_of_queries(self):
        for answer in [self.yes, self.no]:  # warm the site cache and counters
            self.vote(answer, js=True, headers={**SAME_ORIGIN, "HTTP_COOKIE": ""})
            self.client.cookies.clear()
        # On PostgreSQL one statement reads the page and the choice with its
        # poll, inserts the response and moves the three counters (the page's
        # total and day, the site's day); elsewhere the read, the insert (no
        # savepoint), the three counters, BEGIN and COMMIT.
        postgres = connection.vendor == "postgresql"
        with self.assertNumQueries(1 if postgres else 7):
            self.vote(self.yes, js=True)
        # (PostgreSQL: that statement, storing nothing.) The read, the insert
        # that does nothing (inside the transaction on SQLite), BEGIN, the
        # locked read, six counters, the last day answered of the count that
        # left, the update, COMMIT.
        with self.assertNumQueries(14 if postgres else 13):
            self.vote(self.no, js=True)

    def test_a_first_vote_on_sqlite_logs_each_statement(self):
        if connection.vendor != "sqlite":
            self.skipTest("SQLite runs a first answer's statements one by one")
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.vote(self.yes, js=True).status_code, 200)
        statements = [
            query["sql"].split(" (")[0]
            for query in queries
            if "SAVEPOINT" not in query["sql"]
        ]
        self.assertEqual(len(statements), 5)  # lookup, insert, three counters
        self.assertIn('INSERT INTO "polls_response"', statements)
