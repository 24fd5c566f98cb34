"""The kept CUSUM days equal the counters, moved day by day or rebuilt."""

import random

from django.db import connection
from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.test import SimpleTestCase, TestCase
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from polls.insight import attention, cusum_window, inference
from polls.models import CusumPage, DailyCount
from polls.testing import DAY, choice, default_poll, make_page, plant


class CusumsTests(SimpleTestCase):
    def test_every_score_is_exactly_cusum(self):
        import numpy as np

        rng = random.Random(11)
        pages = []
        for _ in range(300):
            per_day = rng.randint(0, 40)
            days = []
            for _ in range(30):
                n = rng.randint(0, per_day)
                days.append([rng.randint(0, n), n])
            pages.append(days)
        rates = [rng.uniform(0.0, 1.0) for _ in pages]
        scores = inference.cusums(np.array(pages), rates)
        expected = [inference.cusum(d, r) for d, r in zip(pages, rates, strict=True)]
        self.assertEqual(scores, expected)
        self.assertTrue(any(scores))

    def test_no_page(self):
        import numpy as np

        self.assertEqual(inference.cusums(np.zeros((0, 30, 2), dtype=int), []), [])

    def test_packed_days_come_back(self):
        days = [[n, 2 * n + 1] for n in range(30)]
        packed = cusum_window.pack(days)
        self.assertEqual(cusum_window.unpack(packed), days)
        self.assertEqual(cusum_window.days_array([packed, packed]).tolist(), [days] * 2)


def expected_rows(today, minimum=1):
    """The kept rows with ``minimum`` answers a side, summed from ``DailyCount``."""
    positive = attention.positive_choices()
    recent_start = today - 30 * DAY
    sums = {
        "responses": Sum("count"),
        "positive": Coalesce(Sum("count", filter=Q(choice__in=positive)), 0),
    }
    counters = DailyCount.objects.order_by()
    before = {
        page: (p, n)
        for page, n, p in counters.filter(
            date__gte=today - 120 * DAY, date__lt=recent_start
        )
        .values_list("page")
        .annotate(**sums)
    }
    days = {}
    for page, day, n, p in (
        counters.filter(date__gte=recent_start, date__lt=today)
        .values_list("page", "date")
        .annotate(**sums)
    ):
        days.setdefault(page, [[0, 0]] * 30)
        days[page] = [*days[page]]
        days[page][(day - recent_start).days] = [p, n]
    rows = []
    for page in sorted(set(before) | set(days)):
        b = before.get(page, (0, 0))
        d = days.get(page, [[0, 0]] * 30)
        r = (sum(x for x, _ in d), sum(n for _, n in d))
        if min(b[1], r[1]) >= minimum:
            rows.append((page, *b, *r, d))
    return rows


def kept_rows(today, minimum=1):
    positive = attention.positive_choices()
    version = cusum_window.counters_version(today)
    return [
        (*row[:5], cusum_window.unpack(row[5]))
        for row in cusum_window.answered_pages(today, positive, version)
        if min(row[2], row[4]) >= minimum
    ]


class KeptDaysTests(TestCase):
    def setUp(self):
        self.today = timezone.localdate()
        self.pages = [make_page(f"Page {n}") for n in range(4)]
        poll = default_poll()
        yes, no = choice(poll, "Yes"), choice(poll, "No")
        rng = random.Random(7)
        DailyCount.objects.bulk_create(
            DailyCount(
                page=page,
                poll=poll,
                choice=label,
                date=self.today - ago * DAY,
                count=rng.randint(0, 9),
            )
            for page in self.pages
            for ago in range(1, 160)
            if rng.random() < 0.7
            for label in (yes, no)
        )

    def daily_queries(self, today):
        with CaptureQueriesContext(connection) as queries:
            rows = kept_rows(today)
        return rows, [q for q in queries if '"polls_dailycount"' in q["sql"]]

    def test_built_from_the_counters(self):
        rows, read = self.daily_queries(self.today)
        self.assertEqual(rows, expected_rows(self.today))
        self.assertEqual(len(read), 2)
        self.assertEqual(self.daily_queries(self.today)[1], [])  # kept

    def test_moved_day_by_day_equals_a_rebuild(self):
        start = self.today - 20 * DAY
        kept_rows(start)
        for shift in (1, 2, 5, 12):  # 1, 3, 8 and 20 days on
            start += shift * DAY
            with self.subTest(day=start):
                rows, read = self.daily_queries(start)
                self.assertEqual(rows, expected_rows(start))
                # Only the entering and the leaving days were read.
                self.assertEqual(len(read), 2)
                self.assertTrue(
                    all("BETWEEN" in q["sql"] or "<" in q["sql"] for q in read)
                )

    def test_a_changed_old_day_rebuilds_them(self):
        kept_rows(self.today - DAY)
        plant(self.pages[0], self.today - 50 * DAY, 0, 40)
        self.assertEqual(kept_rows(self.today), expected_rows(self.today))
        plant(self.pages[1], self.today - 3 * DAY, 25, 0)
        self.assertEqual(kept_rows(self.today), expected_rows(self.today))

    def test_the_minimum_is_applied_on_both_sides(self):
        self.assertEqual(kept_rows(self.today, 10**6), [])
        self.assertEqual(kept_rows(self.today, 5), expected_rows(self.today, 5))

    def test_a_page_with_nothing_left_in_the_window_is_dropped(self):
        kept_rows(self.today)
        DailyCount.objects.filter(page=self.pages[0]).delete()
        kept_rows(self.today + 200 * DAY)  # too far to move: rebuilt
        self.assertFalse(CusumPage.objects.exists())

    def test_the_report_flags_what_a_direct_computation_flags(self):
        plant(self.pages[2], self.today - 2 * DAY, 0, 60)
        found = attention.worse_than_before(1, self.today)
        expected = {
            page
            for page, bp, bn, rp, rn, days in expected_rows(self.today)
            if inference.cusum(days, bp / bn) > inference.threshold(bn * 365 / 90)
        }
        self.assertEqual(set(found), expected)
        self.assertIn(self.pages[2].pk, found)
