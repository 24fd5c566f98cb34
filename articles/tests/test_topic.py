from http import HTTPStatus

from bs4 import BeautifulSoup
from django.db import IntegrityError
from django.test import TestCase
from wagtail.models import PageViewRestriction
from wagtail.test.utils import WagtailTestUtils

from articles.models import Topic
from testing.pages import make_article, make_index


def listed(response):
    html = BeautifulSoup(response.content, "html.parser")
    return [a.get_text() for a in html.select(".cards .card__title a")]


class TopicPageTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.nerves = Topic.objects.create(
            name="Nerves and numbness",
            slug="nerves-and-numbness",
            description="Tingling and numbness explained.",
        )
        cls.fitness = Topic.objects.create(name="Exercise", slug="exercise")
        cls.unused = Topic.objects.create(name="Unused", slug="unused")
        cls.index = make_index()
        cls.numb = make_article(cls.index, title="Numb legs", topics=[cls.nerves])
        cls.both = make_article(
            cls.index, title="Numb runners", topics=[cls.nerves, cls.fitness]
        )
        cls.untagged = make_article(cls.index, title="Sleep")
        make_article(cls.index, title="Numb draft", topics=[cls.nerves], publish=False)

    def test_a_topic_page_lists_its_published_articles(self):
        response = self.client.get("/articles/topics/nerves-and-numbness/")
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertEqual(listed(response), ["Numb runners", "Numb legs"])
        self.assertContains(response, "<h1>Nerves and numbness</h1>", html=True)
        self.assertContains(response, "Tingling and numbness explained.")

    def test_the_index_filters_by_topic(self):
        self.assertEqual(
            listed(self.client.get("/articles/")),
            ["Sleep", "Numb runners", "Numb legs"],
        )
        self.assertEqual(
            listed(self.client.get("/articles/topics/exercise/")), ["Numb runners"]
        )

    def test_the_filter_form_parameter_leads_to_the_topic_page(self):
        response = self.client.get("/articles/", {"topic": "exercise"})
        self.assertRedirects(response, "/articles/topics/exercise/")
        missing = self.client.get("/articles/", {"topic": "no-such-topic"})
        self.assertEqual(missing.status_code, HTTPStatus.NOT_FOUND)

    def test_the_filter_offers_topics_that_have_articles(self):
        response = self.client.get("/articles/topics/exercise/")
        html = BeautifulSoup(response.content, "html.parser")
        links = {
            a.get_text(): a.get("aria-current")
            for a in html.select('nav[aria-label="Topics"] a')
        }
        self.assertEqual(
            links,
            {"All articles": None, "Exercise": "page", "Nerves and numbness": None},
        )

    def test_the_filter_leaves_out_topics_whose_only_articles_are_drafts_or_private(
        self,
    ):
        hidden = Topic.objects.create(name="Hidden", slug="hidden")
        private = make_article(self.index, title="Members only", topics=[hidden])
        make_article(self.index, title="Hidden draft", topics=[hidden], publish=False)
        self.assertIn(hidden, self.index.get_topics())
        PageViewRestriction.objects.create(
            page=private, restriction_type=PageViewRestriction.LOGIN
        )
        self.assertEqual(list(self.index.get_topics()), [self.fitness, self.nerves])

    def test_an_unknown_topic_is_not_found(self):
        response = self.client.get("/articles/topics/unknown/")
        self.assertEqual(response.status_code, HTTPStatus.NOT_FOUND)

    def test_an_empty_topic_says_so(self):
        response = self.client.get("/articles/topics/unused/")
        self.assertContains(response, "No articles have been published about unused")

    def test_topic_pages_have_their_own_canonical_url_and_breadcrumbs(self):
        response = self.client.get("/articles/topics/exercise/")
        html = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(
            html.find("link", rel="canonical")["href"],
            "http://localhost/articles/topics/exercise/",
        )
        crumbs = html.select('nav[aria-label="Breadcrumb"] li')
        self.assertEqual(
            [li.get_text(strip=True) for li in crumbs], ["Home", "Articles", "Exercise"]
        )

    def test_the_article_links_to_its_topic_pages(self):
        response = self.client.get(self.both.url)
        html = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(
            [a["href"] for a in html.select(".topic-links a")],
            ["/articles/topics/exercise/", "/articles/topics/nerves-and-numbness/"],
        )

    def test_topics_have_unique_names_and_slugs(self):
        with self.assertRaises(IntegrityError):
            Topic.objects.create(name="Exercise", slug="exercise-2")

    def test_editors_manage_topics_as_snippets(self):
        self.login()
        response = self.client.get("/admin/snippets/articles/topic/")
        self.assertContains(response, "Nerves and numbness")
