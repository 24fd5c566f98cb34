"""What a vote reads: its live page, and its choice with the poll, in one read."""

from django.test import TestCase

from polls import tally
from polls.testing import choice, default_poll, make_page, make_poll


class VoteTargetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.poll, cls.page = default_poll(), make_page("Numb legs")
        cls.yes = choice(cls.poll, "Yes")

    def test_one_read_gives_the_page_and_the_choice_with_its_poll(self):
        with self.assertNumQueries(1):
            page, answer = tally.vote_target(self.page.pk, self.yes.pk)
            self.assertEqual(answer.poll, self.poll)  # no second query
        self.assertIsInstance(page, tally.LivePage)
        self.assertEqual((page.pk, page.title), (self.page.pk, "Numb legs"))
        self.assertEqual(page.live_revision_id, self.page.live_revision_id)
        self.assertEqual((answer, answer.label), (self.yes, "Yes"))

    def test_nothing_for_a_missing_or_unpublished_page_or_a_missing_choice(self):
        draft = make_page("Draft", live=False)
        for page_id, choice_id in [
            (draft.pk, self.yes.pk),
            (self.page.pk + 1000, self.yes.pk),
            (self.page.pk, self.yes.pk + 1000),
        ]:
            with self.subTest(page_id=page_id, choice_id=choice_id):
                self.assertIsNone(tally.vote_target(page_id, choice_id))

    def test_the_page_url_is_read_only_when_asked(self):
        page, _answer = tally.vote_target(self.page.pk, self.yes.pk)
        with self.assertNumQueries(1):
            self.assertEqual(page.url, self.page.url)


class SeparateReadsTests(TestCase):
    def test_live_page_and_choice_with_poll_tell_what_is_missing(self):
        page, draft = make_page("Numb legs"), make_page("Draft", live=False)
        other = choice(make_poll("Other?"), "No")
        self.assertEqual(tally.live_page(page.pk).title, "Numb legs")
        self.assertIsNone(tally.live_page(draft.pk))
        found = tally.choice_with_poll(other.pk)
        self.assertEqual((found, found.poll.question), (other, "Other?"))
        self.assertIsNone(tally.choice_with_poll(other.pk + 1000))
