"""What editors write: a spam mark moves the counts, old comments are blanked."""

import datetime

from django.test import TestCase
from django.utils import timezone

from polls.admin.triage import delete_old_comments, set_triage_status
from polls.models import DailyCount, Response, TriageStatus
from polls.testing import (
    assert_counters_match_rows,
    choice,
    counts,
    default_poll,
    make_page,
)
from polls.voting.services import record_follow_up, record_vote


class TriageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.poll = default_poll()
        cls.page = make_page("Leg numbness")

    def test_spam_drops_out_of_the_counts_and_comes_back(self):
        no = choice(self.poll, "No")
        response = record_vote(page=self.page, choice=no, reader_key="r").response
        record_vote(page=self.page, choice=no, reader_key="s")
        set_triage_status(response, TriageStatus.SPAM)
        self.assertEqual(counts(self.page), {"No": 1})
        set_triage_status(response, TriageStatus.SPAM)
        self.assertEqual(counts(self.page), {"No": 1})
        set_triage_status(response, TriageStatus.REVIEWED)
        self.assertEqual(counts(self.page), {"No": 2})

    def test_a_spam_response_that_changes_its_answer_still_does_not_count(self):
        response = record_vote(
            page=self.page, choice=choice(self.poll, "No"), reader_key="r"
        ).response
        set_triage_status(response, TriageStatus.SPAM)
        record_vote(page=self.page, choice=choice(self.poll, "Yes"), reader_key="r")
        self.assertEqual(counts(self.page), {})
        assert_counters_match_rows(self)

    def test_changing_a_choice_sentiment_changes_what_the_counters_sum_to(self):
        yes = choice(self.poll, "Yes")
        record_vote(page=self.page, choice=yes, reader_key="r")
        yes.sentiment = "neutral"
        yes.save()
        self.assertEqual(
            DailyCount.objects.totals(),
            {"responses": 1, "positive": 0, "negative": 0},
        )


class RetentionTests(TestCase):
    def test_blanks_only_comments_older_than_the_cutoff(self):
        poll, page = default_poll(), make_page("Leg numbness")
        for reader in ["old", "new"]:
            record_vote(page=page, choice=choice(poll, "No"), reader_key=reader)
            record_follow_up(
                page=page, poll=poll, reader_key=reader, reasons=[], comment=reader
            )
        Response.objects.filter(reader_key="old").update(
            updated_at=timezone.now() - datetime.timedelta(days=400)
        )
        self.assertEqual(delete_old_comments(datetime.timedelta(days=365)), 1)
        comments = dict(Response.objects.values_list("reader_key", "comment"))
        self.assertEqual(comments, {"old": "", "new": "new"})
