"""The soak's accounting: it must catch a lost, phantom or doubled vote."""

from django.test import SimpleTestCase

from bench.ledger import ACKNOWLEDGED, REFUSED, UNKNOWN, Ledger, Row, outcome

YES, NO = 1, 2
KEY = ("cookie", 10)


class OutcomeTests(SimpleTestCase):
    def test_statuses(self):
        cases = {200: ACKNOWLEDGED, 303: ACKNOWLEDGED, 400: REFUSED, 429: REFUSED}
        cases.update({503: UNKNOWN, 500: UNKNOWN, None: UNKNOWN})
        for status, expected in cases.items():
            with self.subTest(status):
                self.assertEqual(outcome(status), expected)


class LedgerTests(SimpleTestCase):
    def setUp(self):
        self.ledger = Ledger(negative_choices=[NO])

    def verdict(self, *rows):
        return self.ledger.check({KEY: list(rows)} if rows else {})

    def test_an_acknowledged_vote_must_be_stored(self):
        self.ledger.vote(*KEY, YES, 200)
        self.assertEqual(self.verdict(Row(YES)).lost, [])
        self.assertEqual(len(self.verdict().lost), 1)
        self.assertEqual(len(self.verdict(Row(NO)).lost), 1)

    def test_an_unanswered_change_may_hold_either_answer(self):
        self.ledger.vote(*KEY, YES, 303)
        self.ledger.vote(*KEY, NO, None)
        for row in [Row(YES), Row(NO)]:
            with self.subTest(row):
                verdict = self.verdict(row)
                self.assertEqual((verdict.lost, verdict.ambiguous), ([], 1))
        self.assertEqual(len(self.verdict().lost), 1)

    def test_an_unanswered_first_vote_may_or_may_not_be_stored(self):
        self.ledger.vote(*KEY, NO, 503)
        self.assertEqual(self.verdict().phantom, [])
        self.assertEqual(self.verdict(Row(NO)).phantom, [])
        self.assertEqual(len(self.verdict(Row(YES)).phantom), 1)

    def test_a_row_nobody_was_told_about_is_a_phantom(self):
        self.ledger.vote(*KEY, YES, 429)
        verdict = self.verdict(Row(YES))
        self.assertEqual((len(verdict.phantom), verdict.lost), (1, []))

    def test_an_acknowledged_follow_up_must_be_stored_exactly(self):
        self.ledger.vote(*KEY, NO, 200)
        self.ledger.follow_up(*KEY, ["other"], " Too long ", 200)
        good = Row(NO, frozenset(["other"]), "Too long")
        self.assertEqual(self.verdict(good).lost, [])
        self.assertEqual(len(self.verdict(Row(NO)).lost), 1)

    def test_changing_to_a_positive_answer_drops_the_reasons(self):
        self.ledger.vote(*KEY, NO, 200)
        self.ledger.follow_up(*KEY, ["other"], "", 200)
        self.ledger.vote(*KEY, YES, 200)
        self.assertEqual(self.verdict(Row(YES)).lost, [])
        self.assertEqual(len(self.verdict(Row(YES, frozenset(["other"]))).lost), 1)

    def test_two_rows_for_one_reader_and_page_are_reported(self):
        self.ledger.vote(*KEY, YES, 200)
        self.assertEqual(len(self.verdict(Row(YES), Row(YES)).duplicated), 1)
