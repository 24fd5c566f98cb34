from http import HTTPStatus
from unittest import mock

from bs4 import BeautifulSoup
from django.db.models import ProtectedError
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils

from polls.models import Poll
from polls.testing import (
    choice,
    default_poll,
    make_editor,
    make_page,
    make_poll,
    make_user,
    vote,
)

LIST = reverse("wagtailsnippets_polls_poll:list")


class PollListingTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.answered = default_poll()
        vote(make_page("Numb legs"), choice(cls.answered, "Yes"), 3)
        cls.closed = make_poll("Old question", is_active=False)

    def setUp(self):
        self.login(make_editor("editor"))

    def rows(self, **params):
        response = self.client.get(LIST, params)
        self.assertEqual(response.status_code, HTTPStatus.OK)
        soup = BeautifulSoup(response.content, "html.parser")
        return [
            [td.get_text(" ", strip=True) for td in tr("td")][1:]
            for tr in soup.select("table.listing tbody tr")
        ]

    def test_lists_choices_with_their_sentiment_and_the_responses(self):
        rows = {row[0].split(" Edit")[0]: row for row in self.rows()}
        self.assertEqual(
            rows["Was this article helpful?"][2:],
            ["Yes (positive), No (negative)", "3"],
        )
        self.assertEqual(rows["Old question"][3], "0")

    def test_only_users_who_may_see_results_see_the_response_counts(self):
        self.assertIn("Answers, all time", self.headings())
        self.login(
            make_user(
                "poll-writer",
                permissions=["wagtailadmin.access_admin", "polls.change_poll"],
            )
        )
        self.assertNotIn("Answers, all time", self.headings())
        self.assertIn("Choices", self.headings())

    def headings(self):
        soup = BeautifulSoup(self.client.get(LIST).content, "html.parser")
        return [th.get_text(strip=True) for th in soup.select("table.listing th")]

    def test_filters_by_active_and_searches(self):
        only_active = self.rows(is_active="true")
        self.assertEqual(len(only_active), 1)
        self.assertIn("Was this article helpful?", only_active[0][0])
        found = self.rows(q="old")
        self.assertEqual(len(found), 1)
        self.assertIn("Old question", found[0][0])


class PollDeletionTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.answered = default_poll()
        vote(make_page("Numb legs"), choice(cls.answered, "Yes"), 3)
        cls.unused = make_poll("Never shown")

    def setUp(self):
        self.login(make_user("admin", superuser=True))

    def test_deleting_an_answered_poll_is_refused_with_a_message(self):
        url = reverse("wagtailsnippets_polls_poll:delete", args=[self.answered.pk])
        for method in [self.client.get, self.client.post]:
            with self.subTest(method.__name__):
                response = method(url, follow=True)
                self.assertRedirects(response, LIST)
                self.assertContains(
                    response,
                    "“Was this article helpful?” has 3 answers, "
                    "so it cannot be deleted.",
                )
        self.assertTrue(Poll.objects.filter(pk=self.answered.pk).exists())

    def test_bulk_delete_is_refused_too(self):
        url = (
            reverse("wagtail_bulk_action", args=["polls", "poll", "delete"])
            + f"?id={self.answered.pk}&id={self.unused.pk}"
        )
        response = self.client.post(url, follow=True)
        self.assertRedirects(response, LIST)
        self.assertContains(response, "so it cannot be deleted")
        self.assertEqual(
            Poll.objects.filter(pk__in=[self.answered.pk, self.unused.pk]).count(), 2
        )

    def test_a_poll_without_responses_can_be_deleted(self):
        url = reverse("wagtailsnippets_polls_poll:delete", args=[self.unused.pk])
        self.assertEqual(self.client.get(url).status_code, HTTPStatus.OK)
        self.assertRedirects(self.client.post(url), LIST)
        self.assertFalse(Poll.objects.filter(pk=self.unused.pk).exists())

    def test_a_vote_racing_the_delete_still_gives_a_message(self):
        url = reverse("wagtailsnippets_polls_poll:delete", args=[self.unused.pk])
        with mock.patch.object(
            Poll, "delete", side_effect=ProtectedError("protected", set())
        ):
            response = self.client.post(url, follow=True)
        self.assertRedirects(response, LIST)
        self.assertContains(response, "so it cannot be deleted")
