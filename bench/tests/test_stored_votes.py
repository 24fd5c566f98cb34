"""Reading the soak's votes back: by reader cookie, with the counters checked."""

from django.db.models import F
from django.test import TestCase

from bench.stored_votes import stored
from polls.models import DailyCount
from polls.testing import choice, default_poll, make_page
from polls.voting.readers import reader_key
from polls.voting.services import record_follow_up, record_vote

COOKIE = "soakreader".ljust(40, "x")


class StoredVotesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.poll = default_poll()
        cls.page = make_page("Leg numbness")
        no = choice(cls.poll, "No")
        record_vote(page=cls.page, choice=no, reader_key=reader_key(COOKIE))
        record_follow_up(
            page=cls.page,
            poll=cls.poll,
            reader_key=reader_key(COOKIE),
            reasons=["other"],
            comment="Vague",
        )
        record_vote(page=cls.page, choice=no, reader_key="someone-else")
        cls.no = no

    def test_rows_are_keyed_by_cookie_and_strangers_are_counted(self):
        data = stored([COOKIE])
        self.assertEqual(
            data["rows"], [[COOKIE, self.page.pk, self.no.pk, ["other"], "Vague"]]
        )
        self.assertEqual(data["untracked"], 1)
        self.assertEqual(data["counter_differences"], [])

    def test_a_counter_that_differs_from_the_rows_is_reported(self):
        DailyCount.objects.update(count=F("count") + 1)
        [difference] = stored([COOKIE])["counter_differences"]
        self.assertEqual(difference[:2], [self.page.pk, self.no.pk])
        self.assertEqual(difference[3:], [2, 3])
