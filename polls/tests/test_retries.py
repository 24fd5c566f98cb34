"""A busy or unreachable database: a short retry, then 503, never a 500."""

from http import HTTPStatus
from unittest import mock

from django.core.cache import cache
from django.db import IntegrityError, InterfaceError, OperationalError, connection
from django.test import SimpleTestCase, TestCase, TransactionTestCase
from django.urls import reverse

from polls.models import DailyCount, Response
from polls.testing import JSON, SAME_ORIGIN, choice, default_poll, make_page
from polls.voting import services
from polls.voting.retries import DatabaseUnavailable, with_database_retries

LOCKED = OperationalError("database is locked")


@mock.patch("polls.voting.retries.time.sleep")
class WithDatabaseRetriesTests(SimpleTestCase):
    def test_a_quick_failure_is_retried_on_a_fresh_connection(self, sleep):
        work = mock.Mock(side_effect=[LOCKED, InterfaceError("closed"), "saved"])
        with mock.patch.object(connection, "close") as close:
            self.assertEqual(with_database_retries(work, 1, answer=2), "saved")
        self.assertEqual(work.call_args_list, [mock.call(1, answer=2)] * 3)
        self.assertEqual(close.call_count, 2)
        self.assertEqual(sleep.call_count, 2)

    def test_it_gives_up_after_three_attempts(self, sleep):
        work = mock.Mock(side_effect=LOCKED)
        with self.assertRaises(DatabaseUnavailable):
            with_database_retries(work)
        self.assertEqual(work.call_count, 3)

    def test_a_failure_that_already_waited_long_is_not_retried(self, sleep):
        work = mock.Mock(side_effect=LOCKED)
        # The first attempt waited 5 s on SQLite's busy timeout.
        with mock.patch("polls.voting.retries.time.monotonic", side_effect=[0.0, 5.0]):
            with self.assertRaises(DatabaseUnavailable):
                with_database_retries(work)
        self.assertEqual(work.call_count, 1)
        sleep.assert_not_called()

    def test_other_errors_are_not_retried(self, sleep):
        for error in [IntegrityError("duplicate"), ValueError("bad")]:
            with self.subTest(error=error):
                work = mock.Mock(side_effect=error)
                with self.assertRaises(type(error)):
                    with_database_retries(work)
                self.assertEqual(work.call_count, 1)


class InsideATransactionTests(TestCase):
    def test_a_broken_outer_transaction_is_not_retried(self):
        work = mock.Mock(side_effect=LOCKED)
        with self.assertRaises(DatabaseUnavailable):
            with_database_retries(work)
        self.assertEqual(work.call_count, 1)


@mock.patch("polls.voting.retries.time.sleep")
class EndpointTests(TransactionTestCase):
    """Through the real endpoints, outside any test transaction, as in production."""

    serialized_rollback = True  # keep the migrations' site, home page and poll

    def setUp(self):
        cache.clear()
        self.poll = default_poll()
        self.no = choice(self.poll, "No")
        self.page = make_page("Leg numbness")

    def vote(self, js=True):
        return self.client.post(
            reverse("polls:vote"),
            {"page": self.page.pk, "poll": self.poll.pk, "choice": self.no.pk},
            **SAME_ORIGIN,
            **(JSON if js else {}),
        )

    def failing(self, failures, *, after_saving=False):
        """The vote service failing ``failures`` times, before or after it saves."""
        real = services.vote
        calls = []

        def vote(**kwargs):
            calls.append(kwargs)
            if len(calls) > failures:
                return real(**kwargs)
            if after_saving:
                real(**kwargs)  # saved, but the answer never reaches us
            raise OperationalError("server closed the connection unexpectedly")

        return mock.patch("polls.voting.views.votes.vote", side_effect=vote)

    def assertOneCountedAnswer(self):
        self.assertEqual(Response.objects.get().choice, self.no)
        self.assertEqual(DailyCount.objects.get(choice=self.no).count, 1)

    def test_a_vote_is_saved_on_the_retry(self, sleep):
        with self.failing(1):
            response = self.vote()
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertOneCountedAnswer()

    def test_a_vote_saved_before_the_connection_broke_counts_once(self, sleep):
        with self.failing(1, after_saving=True):
            response = self.vote()
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertOneCountedAnswer()

    def test_a_database_that_stays_away_gets_503_with_retry_after(self, sleep):
        for js in [True, False]:
            with self.subTest(js=js), self.failing(3):
                response = self.vote(js=js)
                self.assertEqual(response.status_code, HTTPStatus.SERVICE_UNAVAILABLE)
                self.assertEqual(response["Retry-After"], "5")
                self.assertEqual(response["Cache-Control"], "no-store")
                self.assertContains(
                    response, "your answer was not saved", status_code=503
                )
        self.assertFalse(Response.objects.exists())

    def test_the_follow_up_retries_too(self, sleep):
        self.vote()
        with mock.patch(
            "polls.voting.views.follow_up.record_follow_up",
            side_effect=OperationalError("gone"),
        ):
            response = self.client.post(
                reverse("polls:follow_up"),
                {"page": self.page.pk, "poll": self.poll.pk, "comment": "Old"},
                **SAME_ORIGIN,
                **JSON,
            )
        self.assertEqual(response.status_code, HTTPStatus.SERVICE_UNAVAILABLE)
        self.assertIn("not saved", response.json()["error"])
        self.assertEqual(Response.objects.get().comment, "")

    def test_the_readers_answer_endpoint_answers_503(self, sleep):
        self.client.cookies["poll_reader"] = "r" * 40
        with mock.patch(
            "polls.voting.views.reader_answer.stored_answer",
            side_effect=OperationalError("gone"),
        ):
            response = self.client.get(
                reverse("polls:reader_answer"),
                {"page": self.page.pk, "poll": self.poll.pk},
            )
        self.assertEqual(response.status_code, HTTPStatus.SERVICE_UNAVAILABLE)
        self.assertEqual(response["Retry-After"], "5")
