"""The reader's current answer, for the widget's script
(polls.voting.views.reader_answer)."""

from http import HTTPStatus

from django.urls import reverse

from polls.testing import VoteTestCase


class ReaderAnswerTests(VoteTestCase):
    def test_the_readers_answer_is_kept_and_reported_back(self):
        answer_url = reverse("polls:reader_answer")
        query = {"page": self.page.pk, "poll": self.poll.pk}
        self.assertEqual(self.client.get(answer_url, query).json(), {"answer": None})
        self.vote(self.no, js=True)
        self.follow_up(js=True, comment="Too long")
        reply = self.client.get(answer_url, query)
        self.assertEqual(reply.json()["answer"]["label"], "No")
        self.assertTrue(reply.json()["follow_up_sent"])
        self.assertIn("private", reply["Cache-Control"])
        self.assertIn("Cookie", reply["Vary"])

    def test_another_reader_does_not_see_my_answer(self):
        self.vote(self.no, js=True)
        self.client.cookies.clear()
        reply = self.client.get(
            reverse("polls:reader_answer"), {"page": self.page.pk, "poll": self.poll.pk}
        )
        self.assertEqual(reply.json(), {"answer": None})

    def test_the_reader_answer_endpoint_needs_ids(self):
        response = self.client.get(reverse("polls:reader_answer"), {"page": "x"})
        self.assertEqual(response.status_code, HTTPStatus.BAD_REQUEST)
