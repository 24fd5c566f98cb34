"""Articles end with the site's poll, which an editor can swap or switch off."""

from bs4 import BeautifulSoup
from django.core.cache import caches
from django.test import Client, TestCase, override_settings
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils

from polls.models import Choice, Poll
from polls.testing import SAME_ORIGIN
from polls.voting.services import record_vote
from testing.pages import default_body, make_article, make_index, site_root


def poll_region(article, client):
    html = BeautifulSoup(client.get(article.url).content, "html.parser")
    return html, html.select_one("section.poll")


class ArticlePollTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_index(site_root())
        cls.other_poll = Poll.objects.create(question="Did this answer your question?")
        Choice.objects.create(poll=cls.other_poll, label="Yes", sentiment="positive")
        Choice.objects.create(poll=cls.other_poll, label="No", sentiment="negative")

    def test_every_article_ends_with_the_default_poll(self):
        article = make_article(self.index, title="Cramp")
        html, region = poll_region(article, self.client)
        self.assertEqual(region.find("h2").get_text(), "Was this article helpful?")
        self.assertIs(html.select(".article > *")[-1], region)
        self.assertEqual(
            [b.get_text() for b in region.select("button[name=choice]")], ["Yes", "No"]
        )
        self.assertIsNotNone(
            html.select_one('head script[src$="polls/poll.js"][type=module]')
        )

    def test_an_article_can_choose_another_poll(self):
        article = make_article(self.index, title="Cramp", poll=self.other_poll)
        _, region = poll_region(article, self.client)
        self.assertEqual(region.find("h2").get_text(), "Did this answer your question?")

    def test_an_article_can_show_no_poll(self):
        article = make_article(self.index, title="Cramp", show_poll=False)
        _, region = poll_region(article, self.client)
        self.assertIsNone(region)

    def test_an_editor_can_put_a_poll_in_the_body(self):
        body = [*default_body(), ("poll", {"poll": self.other_poll})]
        article = make_article(self.index, title="Cramp", body=body, show_poll=False)
        html, region = poll_region(article, self.client)
        self.assertEqual(region["id"], f"poll-{self.other_poll.pk}")
        self.assertIsNotNone(html.select_one(".article__body section.poll"))


class HelpfulnessInTheEditorTests(WagtailTestUtils, TestCase):
    def test_the_article_editor_shows_helpfulness_at_a_glance(self):
        index = make_index(site_root())
        article = make_article(index, title="Cramp")
        poll = Poll.objects.get(question="Was this article helpful?")
        answers = {c.label: c for c in poll.choices.all()}
        for n, label in enumerate(["Yes", "Yes", "Yes", "No"]):
            record_vote(page=article, choice=answers[label], reader_key=f"r{n}")
        self.login()
        response = self.client.get(
            reverse("wagtailadmin_pages:edit", args=[article.pk])
        )
        self.assertContains(response, "75% helpful, 4 answers")
        self.assertContains(
            response, reverse("polls_admin:page_helpfulness", args=[article.pk])
        )


@override_settings(
    PAGE_CACHE_ENABLED=True, ROUTE_CACHE_ENABLED=True, FRAGMENT_CACHE_ENABLED=True
)
class ReaderStateTests(TestCase):
    """After a no-JS vote the page shows the stored answer, never the URL's."""

    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(make_index(site_root()), title="Cramp")
        cls.poll = Poll.objects.get(question="Was this article helpful?")
        cls.yes = cls.poll.choices.get(label="Yes")
        cls.no = cls.poll.choices.get(label="No")

    def setUp(self):
        for cache in caches.all():
            cache.clear()

    def vote(self, client, choice):
        target = {"page": self.article.pk, "poll": self.poll.pk, "choice": choice.pk}
        return client.post(reverse("polls:vote"), target, **SAME_ORIGIN)

    def widget(self, client, choice):
        response = client.get(f"{self.article.url}?answered={choice.pk}")
        region = BeautifulSoup(response.content, "html.parser").select_one(
            "section.poll"
        )
        pressed = [b.get_text() for b in region.select('[aria-pressed="true"]')]
        return response, region, pressed

    def test_a_shared_answered_link_does_not_answer_for_the_visitor(self):
        self.vote(self.client, self.no)
        visitor = Client()
        for _ in range(2):  # and the second time is not a cached copy either
            response, region, pressed = self.widget(visitor, self.no)
            self.assertEqual(pressed, [])
            self.assertNotIn("You answered", region.get_text())
            self.assertTrue(
                region.select_one("[data-poll-follow-up]").has_attr("hidden")
            )
            self.assertNotIn("X-Page-Cache", response)

    def test_back_to_an_earlier_answer_shows_the_stored_one(self):
        self.vote(self.client, self.yes)
        self.vote(self.client, self.no)
        # Back: the browser asks again for the page it showed after "Yes".
        response, region, pressed = self.widget(self.client, self.yes)
        self.assertEqual(pressed, ["No"])
        self.assertIn("You answered “No”", region.get_text())
        cache_control = response["Cache-Control"]
        self.assertIn("no-store", cache_control)
        self.assertIn("private", cache_control)
        self.assertNotIn("public", cache_control)
        self.assertIn("Cookie", response["Vary"])

    def test_the_page_without_the_query_stays_shared_and_cached(self):
        self.vote(self.client, self.no)
        self.client.get(self.article.url)
        response = self.client.get(self.article.url)
        self.assertEqual(response["X-Page-Cache"], "hit")
        self.assertNotIn("You answered", response.content.decode())
