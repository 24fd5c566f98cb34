"""The pages a newsroom's size could slow make as many queries at 10
articles as at 200: none of them reads a row per article.

(``make bench`` times them at 1,000 and 100,000 articles; this checks the
query counts on whichever database the tests run.)
"""

from django.core.cache import cache
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from articles.models import ArticleIndexPage, ArticlePage
from polls.testing import make_user
from testing import corpus
from testing.bulk import add_articles
from testing.demo import load_demo


class QueriesDoNotGrowWithArticlesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()
        add_articles(10, topic_count=20)
        cls.editor = make_user("chief", superuser=True)

    def pages(self):
        section = ArticleIndexPage.objects.get(slug="articles")
        article = ArticlePage.objects.child_of(section).order_by("pk").last()
        topic = article.topics.first()
        search = reverse("articles:search")
        return {
            "home": "/",
            "index": section.url,
            "topic page": section.topic_url(topic),
            "article": article.url,
            "feed": "/feed/",
            "sitemap index": "/sitemap.xml",
            "sitemap of pages": "/sitemap-pages.xml",
            "sitemap of articles": "/sitemap-articles-1.xml",
            "search, common word": f"{search}?q={corpus.COMMON_WORD}",
            "search, typo": f"{search}?q={corpus.TYPO}",
            "api listing": "/api/v2/articles/",
        }

    def admin_pages(self):
        section = ArticleIndexPage.objects.get(slug="articles")
        return {
            "explorer": f"/admin/pages/{section.pk}/",
            "reviews due": reverse("articles_admin:reviews_due"),
            "helpfulness": reverse("polls_admin:helpfulness"),
            "needs attention": reverse("polls_admin:attention"),
        }

    def count(self, url):
        self.client.get(url)  # fills Wagtail's per-site caches
        cache.clear()
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url)
        self.assertEqual(response.status_code, 200, url)
        return len(queries)

    def counts(self):
        counted = {name: self.count(url) for name, url in self.pages().items()}
        self.client.force_login(self.editor)
        counted.update(
            (name, self.count(url)) for name, url in self.admin_pages().items()
        )
        self.client.logout()
        return counted

    def test_the_same_queries_at_10_and_at_200_articles(self):
        before = self.counts()
        add_articles(200, topic_count=20)
        after = self.counts()
        for name in before:
            with self.subTest(page=name):
                self.assertEqual(after[name], before[name])
