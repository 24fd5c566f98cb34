import random

from django.db.models import Sum
from django.test import TestCase

from polls.admin.triage import set_triage_status
from polls.models import DailyCount, Reason, Response, TriageStatus
from polls.testing import (
    assert_counters_match_rows,
    choice,
    counts,
    default_poll,
    make_page,
    make_poll,
)
from polls.voting.services import (
    CHANGED,
    CREATED,
    UNCHANGED,
    VoteRefused,
    live_page,
    open_poll,
    record_follow_up,
    record_vote,
    vote,
)


def as_columns(response):
    """Every column of ``response``, as the database holds it."""
    return {
        field.attname: getattr(response, field.attname)
        for field in Response._meta.concrete_fields
    }


def vote_by_ids(page, answer, reader="reader-by-ids"):
    return vote(
        page_id=page.pk,
        poll_id=answer.poll_id,
        choice_id=answer.pk,
        reader_key=reader,
    )


class RecordVoteTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.poll = default_poll()
        cls.yes, cls.no = choice(cls.poll, "Yes"), choice(cls.poll, "No")
        cls.page = make_page("Leg numbness")

    def vote(self, answer, reader="reader-a", page=None):
        return record_vote(page=page or self.page, choice=answer, reader_key=reader)

    def test_first_answer_creates_one_response_and_counts_it(self):
        result = self.vote(self.yes)
        self.assertEqual(result.outcome, CREATED)
        response = Response.objects.get()
        self.assertEqual(response.choice, self.yes)
        self.assertEqual(response.page_title, "Leg numbness")
        self.assertEqual(response.page_url, "")  # kept with a follow-up only
        self.assertEqual(response.revision_id, self.page.live_revision_id)
        self.assertEqual(counts(self.page), {"Yes": 1})

    def test_a_first_answers_response_is_the_row_it_stored(self):
        # Built when first asked for, from the values the insert sent.
        for result in (self.vote(self.yes), vote_by_ids(self.page, self.no)):
            stored = Response.objects.get(pk=result.response.pk)
            self.assertEqual(result.choice, stored.choice)
            self.assertEqual(as_columns(result.response), as_columns(stored))
            self.assertFalse(result.response._state.adding)

    def test_answering_the_same_again_counts_once(self):
        self.vote(self.yes)
        self.assertEqual(self.vote(self.yes).outcome, UNCHANGED)
        self.assertEqual(Response.objects.count(), 1)
        self.assertEqual(counts(self.page), {"Yes": 1})

    def test_changing_the_answer_moves_the_count(self):
        self.vote(self.yes)
        result = self.vote(self.no)
        self.assertEqual(result.outcome, CHANGED)
        self.assertEqual(Response.objects.get().choice, self.no)
        self.assertEqual(counts(self.page), {"No": 1})

    def test_changed_answer_records_the_revision_live_at_that_time(self):
        first = self.vote(self.no).response.revision_id
        self.page.save_revision().publish()
        self.page.refresh_from_db()
        changed = self.vote(self.yes).response
        self.assertNotEqual(changed.revision_id, first)
        self.assertEqual(changed.revision_id, self.page.live_revision_id)

    def test_readers_and_pages_are_counted_separately(self):
        other_page = make_page("Cramp")
        self.vote(self.yes, reader="a")
        self.vote(self.no, reader="b")
        self.vote(self.no, reader="a", page=other_page)
        self.assertEqual(counts(self.page), {"Yes": 1, "No": 1})
        self.assertEqual(counts(other_page), {"No": 1})

    def test_taking_back_a_no_drops_its_follow_up(self):
        self.vote(self.no)
        record_follow_up(
            page=self.page,
            poll=self.poll,
            reader_key="reader-a",
            reasons=[Reason.INACCURATE],
            comment="Out of date",
        )
        self.vote(self.yes)
        response = Response.objects.get()
        self.assertEqual((response.reasons, response.comment), ([], ""))

    def test_refuses_closed_polls_and_unpublished_pages_writing_nothing(self):
        closed = make_poll("Closed poll", is_active=False)
        draft = make_page("Draft", live=False)
        cases = {
            "closed poll": (self.page, choice(closed, "Yes"), 400),
            "unpublished page": (draft, self.yes, 404),
        }
        for name, (page, answer, status) in cases.items():
            with self.subTest(name), self.assertRaises(VoteRefused) as caught:
                record_vote(page=page, choice=answer, reader_key="r")
            self.assertEqual(caught.exception.status, status)
        self.assertFalse(Response.objects.exists())
        self.assertFalse(DailyCount.objects.exists())


class VoteByIdsTests(TestCase):
    """The ids a form sent: every refusal is the service's, none the view's."""

    @classmethod
    def setUpTestData(cls):
        cls.poll = default_poll()
        cls.yes = choice(cls.poll, "Yes")
        cls.page = make_page("Leg numbness")

    def vote_yes(self):
        return vote(
            page_id=self.page.pk,
            poll_id=self.poll.pk,
            choice_id=self.yes.pk,
            reader_key="r",
        )

    def test_a_fitting_vote_is_recorded_with_its_choice_and_poll(self):
        result = self.vote_yes()
        self.assertEqual(result.outcome, CREATED)
        self.assertEqual(result.response.choice.label, "Yes")
        self.assertEqual(result.response.page.url, self.page.url)
        self.assertEqual(counts(self.page), {"Yes": 1})
        # What PostgreSQL's one statement read and stored, as elsewhere.
        stored = Response.objects.get()
        self.assertEqual(stored.pk, result.response.pk)
        self.assertEqual(stored.page_title, "Leg numbness")
        self.assertEqual(stored.revision_id, self.page.live_revision_id)
        self.assertEqual(
            (stored.reasons, stored.comment, stored.page_url), ([], "", "")
        )
        self.assertEqual(self.vote_yes().outcome, UNCHANGED)
        self.assertEqual(counts(self.page), {"Yes": 1})

    def test_each_misfit_is_refused_with_its_reason_writing_nothing(self):
        closed = make_poll("Closed poll", is_active=False)
        other = make_poll("Another poll")
        cases = {
            "poll unknown": (999_999, self.yes.pk, 404, "poll does not exist"),
            "poll closed": (closed.pk, choice(closed, "Yes").pk, 400, "closed"),
            "choice of another poll": (
                self.poll.pk,
                choice(other, "Yes").pk,
                400,
                "does not belong",
            ),
            "choice unknown": (self.poll.pk, 999_999, 400, "does not belong"),
            "choice unknown, poll closed": (closed.pk, 999_999, 400, "closed"),
        }
        for name, (poll_id, choice_id, status, words) in cases.items():
            with self.subTest(name):
                with self.assertRaises(VoteRefused) as caught:
                    vote(
                        page_id=self.page.pk,
                        poll_id=poll_id,
                        choice_id=choice_id,
                        reader_key="r",
                    )
                self.assertEqual(caught.exception.status, status)
                self.assertIn(words, caught.exception.message)
        self.assertFalse(Response.objects.exists())

    def test_pages_and_polls_that_cannot_be_answered_are_refused(self):
        draft = make_page("Draft", live=False)
        for page_id in [draft.pk, 999_999]:
            with self.subTest(page_id), self.assertRaises(VoteRefused) as caught:
                live_page(page_id)
            self.assertEqual(caught.exception.status, 404)
            with self.subTest(page_id), self.assertRaises(VoteRefused) as caught:
                vote(
                    page_id=page_id,
                    poll_id=self.poll.pk,
                    choice_id=self.yes.pk,
                    reader_key="r",
                )
            self.assertIn("not published", caught.exception.message)
        self.assertEqual(live_page(self.page.pk).pk, self.page.pk)
        self.assertEqual(open_poll(self.poll.pk), self.poll)
        with self.assertRaises(VoteRefused):
            open_poll(make_poll("Closed", is_active=False).pk)


class FollowUpTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.poll = default_poll()
        cls.page = make_page("Leg numbness")

    def follow_up(self, reasons=(), comment="", reader="r"):
        return record_follow_up(
            page=self.page,
            poll=self.poll,
            reader_key=reader,
            reasons=list(reasons),
            comment=comment,
        )

    def test_stores_reasons_in_list_order_and_the_comment(self):
        record_vote(page=self.page, choice=choice(self.poll, "No"), reader_key="r")
        response = self.follow_up(
            [Reason.OTHER, Reason.INACCURATE], "  The dosage is wrong.  "
        )
        self.assertEqual(response.reasons, ["inaccurate", "other"])
        self.assertEqual(response.comment, "The dosage is wrong.")
        self.assertFalse(response.comment_flagged)
        self.assertEqual(response.page_url, self.page.url)  # for the export

    def test_flags_comments_that_look_like_personal_details(self):
        record_vote(page=self.page, choice=choice(self.poll, "No"), reader_key="r")
        for comment, flagged in [
            ("Mail me at jo.bloggs+nhs@example.co.uk", True),
            ("Call 020 7946 0958 please", True),
            ("+44 (0)7700-900-123", True),
            ("I ran 10 km in 2024, 3 times", False),
            ("Vitamin B12 of 500 mcg", False),
        ]:
            with self.subTest(comment):
                self.assertEqual(
                    self.follow_up(comment=comment).comment_flagged, flagged
                )

    def test_needs_a_negative_answer_first(self):
        with self.assertRaises(VoteRefused) as caught:
            self.follow_up([Reason.OTHER])
        self.assertEqual(caught.exception.status, 409)
        record_vote(page=self.page, choice=choice(self.poll, "Yes"), reader_key="r")
        with self.assertRaises(VoteRefused):
            self.follow_up([Reason.OTHER])
        self.assertEqual(Response.objects.get().reasons, [])

    def test_refuses_unknown_reasons(self):
        record_vote(page=self.page, choice=choice(self.poll, "No"), reader_key="r")
        with self.assertRaises(VoteRefused):
            self.follow_up(["inaccurate", "bribery"])
        self.assertEqual(Response.objects.get().reasons, [])


class CounterInvariantTests(TestCase):
    def test_counters_equal_the_rows_after_a_random_history(self):
        poll = make_poll(
            "Three-way",
            labels=[("Yes", "positive"), ("No", "negative"), ("Unsure", "neutral")],
        )
        pages = [make_page(f"Page {n}") for n in range(3)]
        choices = list(poll.choices.all())
        rng = random.Random(20261125)
        for _ in range(300):
            page, reader = rng.choice(pages), f"reader-{rng.randrange(25)}"
            result = record_vote(
                page=page, choice=rng.choice(choices), reader_key=reader
            )
            if rng.random() < 0.1:
                status = rng.choice(TriageStatus.values)
                set_triage_status(result.response, status)
        assert_counters_match_rows(self)
        self.assertEqual(
            Response.objects.counted().count(),
            DailyCount.objects.aggregate(total=Sum("count"))["total"],
        )
