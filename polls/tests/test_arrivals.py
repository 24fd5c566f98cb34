"""A reader's first answer: inserted and counted together, once."""

import datetime

from django.db import connection
from django.test import TestCase

from polls import tally
from polls.models import DailyCount, Response
from polls.testing import (
    assert_counters_match_rows,
    choice,
    default_poll,
    make_page,
    make_poll,
)


class FirstAnswerTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.poll, cls.page = default_poll(), make_page("Numb legs")
        cls.yes = choice(cls.poll, "Yes")

    def values(self, reader="r"):
        values = tally.answer_values(
            poll_id=self.poll.pk,
            choice_id=self.yes.pk,
            page_id=self.page.pk,
            reader_key=reader,
        )
        return {**values, **tally.page_values(self.page)}

    def store(self, values):
        return tally.FirstAnswer(values, connection.alias).store()

    def test_stores_and_counts_the_answer_and_returns_its_id(self):
        pk = self.store(self.values())
        response = Response.objects.get()
        self.assertEqual((response.pk, response.choice), (pk, self.yes))
        self.assertEqual(response.page_title, "Numb legs")
        self.assertEqual(response.revision_id, self.page.live_revision_id)
        self.assertEqual(DailyCount.objects.get().count, 1)
        assert_counters_match_rows(self)

    def test_an_answer_given_before_writes_nothing(self):
        self.store(self.values())
        self.assertIsNone(self.store(self.values()))
        self.assertEqual(Response.objects.count(), 1)
        self.assertEqual(DailyCount.objects.get().count, 1)

    def test_only_a_first_answer_today_is_counted_in_its_own_insert(self):
        poll, page = self.poll, self.page
        values = tally.answer_values(
            poll_id=poll.pk,
            choice_id=choice(poll, "Yes").pk,
            page_id=page.pk,
            reader_key="r",
        )
        postgres = connection.vendor == "postgresql"
        # SQLite: the insert, then move(), in the caller's transaction.
        self.assertEqual(
            tally.FirstAnswer(values, connection.alias).in_one_statement, postgres
        )
        yesterday = values["created_at"] - datetime.timedelta(days=1)
        earlier = {**values, "created_at": yesterday}
        self.assertFalse(tally.FirstAnswer(earlier, connection.alias).in_one_statement)


class CountedVoteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.poll, cls.page = default_poll(), make_page("Numb legs")
        cls.yes = choice(cls.poll, "Yes")

    def counted_vote(self, choice_id=None, poll_id=None, reader="r"):
        return tally.counted_vote(
            page_id=self.page.pk,
            poll_id=poll_id or self.poll.pk,
            choice_id=choice_id or self.yes.pk,
            reader_key=reader,
            alias=connection.alias,
        )

    def test_postgresql_reads_stores_and_counts_in_one_statement(self):
        if connection.vendor != "postgresql":
            self.assertIsNone(self.counted_vote())  # the steps one by one
            return
        with self.assertNumQueries(1):
            pk, page, answer, values = self.counted_vote()
        self.assertEqual((page.pk, page.title), (self.page.pk, "Numb legs"))
        self.assertEqual((answer, answer.poll), (self.yes, self.poll))
        self.assertEqual(Response.objects.get().pk, pk)
        self.assertEqual(values["revision_id"], self.page.live_revision_id)
        assert_counters_match_rows(self)

    def test_nothing_is_stored_for_a_refusal_or_an_answer_given_before(self):
        if connection.vendor != "postgresql":
            self.skipTest("one statement on PostgreSQL only")
        other = choice(make_poll("Other?"), "Yes")
        self.assertIsNone(self.counted_vote(choice_id=other.pk))
        self.poll.is_active = False
        self.poll.save()
        self.assertIsNone(self.counted_vote())
        self.assertFalse(Response.objects.exists())
        self.poll.is_active = True
        self.poll.save()
        self.assertIsNotNone(self.counted_vote())
        self.assertIsNone(self.counted_vote())
        self.assertEqual(Response.objects.count(), 1)
