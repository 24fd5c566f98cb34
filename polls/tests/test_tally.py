"""The counters reports read stay equal to the responses they count."""

import datetime
import random
from collections import Counter

from django.db.models import Sum
from django.test import TestCase
from django.utils import timezone

from polls import tally
from polls.admin.triage import set_triage_status
from polls.models import DailyCount, PageTotal, Response, TriageStatus
from polls.testing import (
    START,
    backdate,
    choice,
    default_poll,
    make_page,
    make_poll,
    today_is,
    vote,
)
from polls.voting.services import record_vote


def expected_totals():
    """What PageTotal must hold, computed from the responses themselves."""
    total = Counter()
    for response in Response.objects.counted().exclude(page=None):
        total[response.page_id, response.choice_id] += 1
    return total


class PageTotalTests(TestCase):
    def assertTotalsRight(self):
        rows = PageTotal.objects.all()
        self.assertEqual(
            {(r.page_id, r.choice_id): r.total for r in rows if r.total},
            dict(expected_totals()),
        )
        self.assertEqual(tally.differences(), [])

    def test_votes_count_in_all_time_with_the_last_day_answered(self):
        poll, page = default_poll(), make_page("Numb legs")
        yes = choice(poll, "Yes")
        with today_is(START):
            record_vote(page=page, choice=yes, reader_key="a")
        with today_is(START + datetime.timedelta(days=10)):
            record_vote(page=page, choice=yes, reader_key="b")
        row = PageTotal.objects.get()
        self.assertEqual(row.total, 2)
        self.assertEqual(row.last_date, START + datetime.timedelta(days=10))

    def test_a_changed_old_answer_moves_the_all_time_counts(self):
        poll, page = default_poll(), make_page("Numb legs")
        yes, no = choice(poll, "Yes"), choice(poll, "No")
        with today_is(START):
            record_vote(page=page, choice=yes, reader_key="a")
        with today_is(START + datetime.timedelta(days=40)):
            record_vote(page=page, choice=no, reader_key="a")
            self.assertTotalsRight()
        totals = dict(PageTotal.objects.values_list("choice", "total"))
        self.assertEqual(totals, {yes.pk: 0, no.pk: 1})

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
            with today_is(day):
                result = record_vote(
                    page=rng.choice(pages),
                    choice=rng.choice(answers),
                    reader_key=f"r{rng.randrange(40)}",
                )
                if rng.random() < 0.08:
                    set_triage_status(result.response, rng.choice(TriageStatus.values))
                if step % 50 == 0:
                    self.assertTotalsRight()
        self.assertTotalsRight()

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
            PageTotal.objects.values_list("page", "choice", "total", "last_date")
        )
        tally.rebuild()
        rebuilt = sorted(
            PageTotal.objects.values_list("page", "choice", "total", "last_date")
        )
        self.assertEqual(rebuilt, kept)
        self.assertEqual(kept[0][2], 5)
        self.assertEqual(
            DailyCount.objects.aggregate(n=Sum("count"))["n"],
            PageTotal.objects.get().total,
        )


class SentimentChangeTests(TestCase):
    """An editor re-labels "Yes" as negative after three readers chose it."""

    def test_daily_counts_and_page_totals_agree_after_a_sentiment_change(self):
        page = make_page("Leg numbness")
        yes = choice(default_poll(), "Yes")
        vote(page, yes, 3)
        yes.sentiment = "negative"
        yes.save()
        daily = DailyCount.objects.filter(page=page).totals()
        total = PageTotal.objects.filter(page=page).totals(count="total")
        self.assertEqual(daily, total)
        self.assertEqual(total, {"responses": 3, "positive": 0, "negative": 3})
        self.assertEqual(tally.differences(), [])


class MoveTests(TestCase):
    def test_an_arrival_is_the_change_its_response_makes_once_built(self):
        poll, page = default_poll(), make_page("Numb legs")
        late = timezone.make_aware(datetime.datetime(2026, 11, 3, 23, 30))
        columns = {
            "poll_id": poll.pk,
            "choice_id": choice(poll, "No").pk,
            "page_id": page.pk,
            "reader_key": "r",
            "created_at": late,
            "updated_at": late,
        }
        self.assertEqual(
            tally.arrival(**columns), tally.change(Response(**columns), +1)
        )

    def test_a_status_change_that_keeps_the_count_writes_no_counter(self):
        page, yes = make_page("Numb legs"), choice(default_poll(), "Yes")
        response = vote(page, yes)[0]
        with self.assertNumQueries(0):
            tally.move(tally.change(response, -1), tally.change(response, +1))

    def test_the_last_day_answered_goes_back_when_its_only_answer_leaves(self):
        page, yes = make_page("Numb legs"), choice(default_poll(), "Yes")
        today = timezone.localdate()
        vote(page, yes, on=today - datetime.timedelta(days=3))
        latest = vote(page, yes)[0]
        set_triage_status(latest, TriageStatus.SPAM)
        self.assertEqual(
            PageTotal.objects.get().last_date, today - datetime.timedelta(days=3)
        )
        self.assertEqual(tally.differences(), [])
