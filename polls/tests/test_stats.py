from django.test import SimpleTestCase, TestCase

from polls.insight.stats import Helpfulness, percent, whole_percent, wilson_lower_bound
from polls.models import DailyCount
from polls.testing import choice, default_poll, make_page
from polls.voting.services import record_vote


class WilsonLowerBoundTests(SimpleTestCase):
    def test_matches_hand_computed_values(self):
        # (k + z²/2 − z·√(k(n−k)/n + z²/4)) / (n + z²), z = 1.96, worked by hand.
        cases = [
            (8, 10, 0.4902),
            (80, 100, 0.7112),
            (0, 10, 0.0),
            (10, 10, 0.7225),
            (1, 1, 0.2065),
            (95, 100, 0.8882),
        ]
        for positive, total, expected in cases:
            with self.subTest(f"{positive}/{total}"):
                self.assertAlmostEqual(
                    wilson_lower_bound(positive, total), expected, places=4
                )

    def test_no_answers_has_no_bound(self):
        self.assertIsNone(wilson_lower_bound(0, 0))

    def test_more_answers_at_the_same_rate_rank_higher(self):
        self.assertLess(wilson_lower_bound(8, 10), wilson_lower_bound(80, 100))
        self.assertLess(wilson_lower_bound(1, 1), wilson_lower_bound(8, 10))


class PercentTests(SimpleTestCase):
    def test_percent_and_rounding(self):
        self.assertEqual(percent(1, 4), 25.0)
        self.assertIsNone(percent(0, 0))
        self.assertEqual(whole_percent(78.5), "79")
        self.assertEqual(whole_percent(66.66), "67")
        self.assertEqual(whole_percent(0.4), "0")


class HelpfulnessTests(SimpleTestCase):
    def test_summary_always_gives_the_number_of_responses(self):
        cases = [
            (Helpfulness(responses=212, positive=165), "78% helpful, 212 answers"),
            (Helpfulness(responses=1, positive=1), "100% helpful, 1 answer"),
            (Helpfulness(responses=0, positive=0), "No answers yet"),
        ]
        for helpfulness, expected in cases:
            with self.subTest(expected):
                self.assertEqual(str(helpfulness.summary()), expected)

    def test_pages_under_the_minimum_are_not_ranked(self):
        small = Helpfulness(responses=9, positive=9, minimum=10)
        self.assertFalse(small.is_ranked)
        self.assertIsNone(small.wilson)
        enough = Helpfulness(responses=10, positive=8, minimum=10)
        self.assertTrue(enough.is_ranked)
        self.assertAlmostEqual(enough.wilson, 0.4902, places=4)


class SqlExpressionTests(TestCase):
    """The database computes the same figures as the Python functions."""

    def test_sql_matches_python(self):
        poll = default_poll()
        yes, no = choice(poll, "Yes"), choice(poll, "No")
        pages = {}
        for title, positive, negative in [("A", 8, 2), ("B", 0, 3), ("C", 1, 0)]:
            page = pages[title] = make_page(title)
            for n in range(positive):
                record_vote(page=page, choice=yes, reader_key=f"y{n}")
            for n in range(negative):
                record_vote(page=page, choice=no, reader_key=f"n{n}")

        rows = {
            row["page_title"]: row
            for row in DailyCount.objects.helpfulness_by_page().with_scores(3)
        }

        self.assertAlmostEqual(rows["A"]["wilson"], wilson_lower_bound(8, 10))
        self.assertAlmostEqual(rows["A"]["percent_positive"], 80.0)
        self.assertEqual(rows["B"]["wilson"], 0.0)
        self.assertEqual(rows["B"]["percent_positive"], 0.0)
        self.assertEqual((rows["B"]["positive"], rows["B"]["negative"]), (0, 3))
        self.assertIsNone(rows["C"]["wilson"], "1 response is under the minimum of 3")
        self.assertEqual(
            (rows["C"]["under_minimum"], rows["A"]["under_minimum"]), (1, 0)
        )
