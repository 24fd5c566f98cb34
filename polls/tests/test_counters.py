"""The counters reports read stay equal to the responses they count."""

import datetime
import random
from collections import Counter
from contextlib import contextmanager
from unittest import mock

from django.db.models import Sum
from django.test import TestCase
from django.utils import timezone

from polls import counters
from polls.models import DailyCount, PageTotal, Response, TriageStatus
from polls.services import record_vote, set_triage_status
from polls.tests.factories import backdate, choice, default_poll, make_page, make_poll

START = datetime.date(2026, 11, 1)


@contextmanager
def on(day):
    """Pretend today is ``day`` (at noon), for the services and the counters."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    created_at = Response._meta.get_field("created_at")
    with (
        mock.patch("django.utils.timezone.now", return_value=moment),
        mock.patch.object(created_at, "_get_default", lambda: moment),
    ):
        yield


def expected_totals(today):
    """What PageTotal must hold, computed from the responses themselves."""
    total, recent = Counter(), Counter()
    for response in Response.objects.counted().exclude(page=None):
        key = (response.page_id, response.choice_id)
        total[key] += 1
        if timezone.localdate(response.created_at) > today - counters.WINDOW:
            recent[key] += 1
    return total, recent


class PageTotalTests(TestCase):
    def assertTotalsRight(self, today):
        counters.roll_recent_totals(today)
        total, recent = expected_totals(today)
        rows = PageTotal.objects.all()
        self.assertEqual(
            {(r.page_id, r.choice_id): r.total for r in rows if r.total}, dict(total)
        )
        self.assertEqual(
            {(r.page_id, r.choice_id): r.recent for r in rows if r.recent}, dict(recent)
        )

    def test_votes_count_in_all_time_and_in_the_last_30_days(self):
        poll, page = default_poll(), make_page("Numb legs")
        yes = choice(poll, "Yes")
        with on(START):
            record_vote(page=page, choice=yes, reader_key="a")
        with on(START + datetime.timedelta(days=10)):
            record_vote(page=page, choice=yes, reader_key="b")
        row = PageTotal.objects.get()
        self.assertEqual((row.total, row.recent), (2, 2))
        counters.roll_recent_totals(START + datetime.timedelta(days=30))
        row.refresh_from_db()
        self.assertEqual((row.total, row.recent), (2, 1))  # the first left the window
        counters.roll_recent_totals(START + datetime.timedelta(days=45))
        row.refresh_from_db()
        self.assertEqual((row.total, row.recent), (2, 0))
        self.assertEqual(row.last_date, START + datetime.timedelta(days=10))

    def test_a_changed_old_answer_moves_only_the_all_time_count(self):
        poll, page = default_poll(), make_page("Numb legs")
        yes, no = choice(poll, "Yes"), choice(poll, "No")
        with on(START):
            record_vote(page=page, choice=yes, reader_key="a")
        with on(START + datetime.timedelta(days=40)):
            record_vote(page=page, choice=no, reader_key="a")
            self.assertTotalsRight(START + datetime.timedelta(days=40))

    def test_a_random_history_over_four_months_stays_exact(self):
        poll = make_poll(
            "Three-way",
            labels=[("Yes", "positive"), ("No", "negative"), ("Unsure", "neutral")],
        )
        pages = [make_page(f"Page {n}") for n in range(3)]
        answers = list(poll.choices.all())
        rng = random.Random(7)
        for step in range(400):
            day = START + datetime.timedelta(days=step * 120 // 400)
            with on(day):
                result = record_vote(
                    page=rng.choice(pages),
                    choice=rng.choice(answers),
                    reader_key=f"r{rng.randrange(40)}",
                )
                if rng.random() < 0.08:
                    set_triage_status(result.response, rng.choice(TriageStatus.values))
                if rng.random() < 0.05:
                    counters.roll_recent_totals(day)
                if step % 50 == 0:
                    self.assertTotalsRight(day)
        self.assertTotalsRight(START + datetime.timedelta(days=130))

    def test_rebuild_gives_what_the_services_kept(self):
        poll, page = default_poll(), make_page("Numb legs")
        for n, days_ago in enumerate([0, 3, 29, 31, 90]):
            result = record_vote(
                page=page, choice=choice(poll, "Yes"), reader_key=f"r{n}"
            )
            backdate(
                result.response,
                timezone.localdate() - datetime.timedelta(days=days_ago),
            )
        kept = sorted(
            PageTotal.objects.values_list(
                "page", "choice", "total", "recent", "last_date"
            )
        )
        counters.rebuild()
        rebuilt = sorted(
            PageTotal.objects.values_list(
                "page", "choice", "total", "recent", "last_date"
            )
        )
        self.assertEqual(rebuilt, kept)
        self.assertEqual(kept[0][2:4], (5, 3))
        self.assertEqual(
            DailyCount.objects.aggregate(n=Sum("count"))["n"],
            PageTotal.objects.get().total,
        )
