"""Needs attention's order: the kept statistical causes with the live comments
merged in, as one sort of everything would put them; entries made as read."""

import random

from django.core.cache import cache
from django.test import SimpleTestCase, TestCase, override_settings
from django.utils import timezone

from polls.insight import attention
from polls.insight.attention import listing
from polls.insight.attention.causes import BELOW_SITE, COMMENTS, WORSE, pressing
from polls.testing import DAY, comment_on, make_page, plant


def fields(kind, severity):
    return (kind, severity, 100, 50.0, 80.0, "")


def one_sort(findings, comments):
    """Every cause of every page gathered and sorted at once."""
    by_page = {page_id: list(triggers) for page_id, triggers in findings}
    for page_id, trigger in comments.items():
        by_page.setdefault(page_id, []).append(trigger.fields())
    return sorted(((p, tuple(t)) for p, t in by_page.items()), key=pressing)


class MergeTests(SimpleTestCase):
    def test_comments_merged_into_the_kept_order_as_one_sort_would(self):
        rng = random.Random(7)
        for _ in range(200):
            findings = []
            for page_id in rng.sample(range(1, 60), rng.randint(0, 40)):
                kinds = rng.choice([(WORSE,), (BELOW_SITE,), (WORSE, BELOW_SITE)])
                findings.append(
                    (page_id, tuple(fields(kind, rng.random()) for kind in kinds))
                )
            findings.sort(key=pressing)
            comments = {
                page_id: attention.Trigger(COMMENTS, severity=n, answers=n)
                for page_id in rng.sample(range(1, 60), rng.randint(1, 10))
                for n in [rng.randint(1, 4)]
            }
            self.assertEqual(
                listing._with_comments(findings, comments), one_sort(findings, comments)
            )

    def test_entries_are_made_once_and_read_like_a_list(self):
        findings = [(3, (fields(WORSE, 2.0),)), (1, (fields(BELOW_SITE, 0.99),))]
        entries = listing.Entries(findings)
        self.assertEqual(len(entries), 2)
        self.assertIs(entries[0], entries[0])
        self.assertIs(entries[-1], entries[1])
        self.assertEqual([e.page_id for e in entries], [3, 1])
        self.assertEqual([e.page_id for e in entries[1:5]], [1])
        self.assertEqual(entries[0].triggers[0].kind, WORSE)
        self.assertEqual(entries[0].triggers[0].severity, 2.0)
        with self.assertRaises(IndexError):
            entries[2]


class OrderTests(TestCase):
    """Two pages below the site, one of them with a comment, and one page with
    only a comment: the page with two causes first, the comment-only last."""

    @classmethod
    def setUpTestData(cls):
        today = timezone.localdate()
        cls.steady = make_page("Steady page")
        plant(cls.steady, today - 2 * DAY, 800, 200)
        cls.low = make_page("Low page")
        plant(cls.low, today - 2 * DAY, 30, 70)
        cls.lower = make_page("Lower page")
        plant(cls.lower, today - 2 * DAY, 20, 80)
        comment_on(cls.low, "The dosage table is wrong.")
        cls.quiet = make_page("Quiet page")
        comment_on(cls.quiet, "A broken link.")

    def order(self):
        return [(e.page_id, e.kinds) for e in attention.needs_attention(30)]

    def test_more_causes_first_then_the_kind_then_how_far(self):
        self.assertEqual(
            self.order(),
            [
                (self.low.pk, {BELOW_SITE, COMMENTS}),
                (self.lower.pk, {BELOW_SITE}),
                (self.quiet.pk, {COMMENTS}),
            ],
        )

    @override_settings(POLLS_ATTENTION_CACHE_SECONDS=3600)
    def test_the_same_order_when_kept_for_the_day(self):
        cache.clear()
        uncached = self.order()
        self.assertEqual(self.order(), uncached)  # computed, then kept
        self.assertEqual(self.order(), uncached)  # read back

    def test_titles_added_by_listed_stay_on_the_entries(self):
        entries = attention.needs_attention(30)
        attention.listed(entries[:2])
        self.assertEqual([e.title for e in entries[:2]], ["Low page", "Lower page"])


class BelowTheSiteOrderTests(TestCase):
    def test_the_furthest_below_the_site_comes_first(self):
        today = timezone.localdate()
        plant(make_page("Steady page"), today - 2 * DAY, 9000, 1000)
        lower = make_page("Ten percent")
        plant(lower, today - 2 * DAY, 100, 900)
        low = make_page("Thirty percent")
        plant(low, today - 2 * DAY, 300, 700)
        entries = attention.needs_attention(30)
        self.assertEqual([e.page_id for e in entries], [lower.pk, low.pk])
        self.assertGreater(
            entries[0].triggers[0].severity, entries[1].triggers[0].severity
        )
