import datetime
from http import HTTPStatus

from django.test import TestCase

from articles.models import Contributor, Topic
from testing.pages import make_article, make_index

API_URL = "/api/v2/articles/"


class ArticlesAPITests(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = make_index()
        cls.reviewer = Contributor.objects.create(
            name="Dr Rowan Ash", credentials="MBBS", profile="A GP."
        )
        cls.topic = Topic.objects.create(name="Nerves", slug="nerves")
        cls.published = make_article(
            index,
            title="Published article",
            reviewer=cls.reviewer,
            last_reviewed=datetime.date(2026, 1, 5),
            next_review_due=datetime.date(2027, 1, 5),
            topics=[cls.topic],
        )
        cls.draft = make_article(index, title="Draft article", publish=False)
        cls.unpublished = make_article(index, title="Withdrawn article")
        cls.unpublished.unpublish()
        cls.changed = make_article(index, title="Changed article")
        cls.changed.title = "Unpublished new title"
        cls.changed.save_revision()

    def test_lists_published_articles_only(self):
        response = self.client.get(API_URL)
        self.assertEqual(response.status_code, HTTPStatus.OK)
        titles = {item["title"] for item in response.json()["items"]}
        self.assertEqual(titles, {"Published article", "Changed article"})

    def test_detail_has_body_blocks_and_governance_fields(self):
        data = self.client.get(f"{API_URL}{self.published.pk}/").json()
        self.assertEqual(
            [block["type"] for block in data["body"]],
            ["paragraph", "causes", "prevention", "conclusion"],
        )
        self.assertEqual(data["reviewer"]["name"], "Dr Rowan Ash")
        self.assertEqual(data["reviewer"]["credentials"], "MBBS")
        self.assertEqual(data["last_reviewed"], "2026-01-05")
        self.assertEqual(data["next_review_due"], "2027-01-05")
        self.assertEqual(data["topics"], [{"name": "Nerves", "slug": "nerves"}])
        self.assertEqual(data["references"], [])
        self.assertEqual(data["author"], None)

    def test_drafts_are_never_served(self):
        for page in [self.draft, self.unpublished]:
            with self.subTest(page=page.title):
                response = self.client.get(f"{API_URL}{page.pk}/")
                self.assertEqual(response.status_code, HTTPStatus.NOT_FOUND)

    def test_serves_the_published_revision_not_the_newer_draft(self):
        data = self.client.get(f"{API_URL}{self.changed.pk}/").json()
        self.assertEqual(data["title"], "Changed article")

    def test_other_page_types_cannot_be_asked_for(self):
        response = self.client.get(API_URL, {"type": "home.HomePage"})
        types = {item["meta"]["type"] for item in response.json()["items"]}
        self.assertEqual(types, {"articles.ArticlePage"})

    def test_is_read_only(self):
        for method in [self.client.post, self.client.put, self.client.delete]:
            with self.subTest(method=method.__name__):
                response = method(f"{API_URL}{self.published.pk}/", {})
                self.assertEqual(response.status_code, HTTPStatus.METHOD_NOT_ALLOWED)
