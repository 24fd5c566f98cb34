from unittest import mock

from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.search.models import IndexEntry

from articles import search_index
from articles.models import ArticlePage
from testing.pages import make_article, make_index

SEARCH_URL = reverse("articles:search")


class IndexLayoutTests(TestCase):
    """Fails when Wagtail changes the tables articles.search_index reads."""

    def test_index_entries_have_the_fields_read(self):
        names = {field.name for field in IndexEntry._meta.get_fields()}
        expected = {"content_type", "object_id", "title", "body", "autocomplete"}
        if connection.vendor == "postgresql":
            expected |= {"title_text", "body_text"}
        self.assertLessEqual(expected, names)

    def test_sqlite_full_text_table_has_the_columns_weighted(self):
        if connection.vendor != "sqlite":
            self.skipTest("the FTS5 table exists on SQLite only")
        table = f"{IndexEntry._meta.db_table}_fts"
        with connection.cursor() as cursor:
            cursor.execute(f"PRAGMA table_info({table})")
            columns = [row[1] for row in cursor.fetchall()]
        self.assertEqual(columns, ["autocomplete", "body", "title"])


class BestMatchesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = make_index()
        cls.body_only = [
            make_article(
                index,
                title=f"Cramp article {n}",
                summary=f"Shins and tingling, part {n}.",
            )
            for n in range(5)
        ]
        cls.in_title = make_article(
            index, title="Tingling hands", summary="Why hands tingle."
        )

    def test_a_title_match_ranks_first(self):
        scores = search_index.best_matches(ArticlePage, ["tingling"])
        ranked = sorted(scores, key=scores.get, reverse=True)
        self.assertEqual(ranked[0], self.in_title.pk)
        self.assertEqual(len(scores), 6)

    def test_reads_a_bounded_number_of_matches_title_matches_included(self):
        scores = search_index.best_matches(ArticlePage, ["tingling"], limit=2)
        self.assertIn(self.in_title.pk, scores)
        self.assertLessEqual(len(scores), 4)

    def test_prefix_matches_word_starts(self):
        scores = search_index.best_matches(ArticlePage, ["tingli"], prefix=True)
        self.assertEqual(len(scores), 6)
        self.assertEqual(search_index.best_matches(ArticlePage, ["tingli"]), {})

    def test_every_word_must_match(self):
        scores = search_index.best_matches(ArticlePage, ["tingling", "hands"])
        self.assertEqual(list(scores), [self.in_title.pk])

    def test_search_syntax_in_a_word_is_only_text(self):
        for term in ['"', "title:", "a*", "NEAR(", "-x", "OR", "'", "&", "!"]:
            with self.subTest(term=term):
                self.assertEqual(search_index.best_matches(ArticlePage, [term]), {})

    def test_texts_with_prefix_give_the_words_for_suggestions(self):
        texts = search_index.texts_with_prefix(ArticlePage, "tin")
        self.assertEqual(len(texts), 6)
        self.assertTrue(all("tingl" in text.lower() for text in texts))


class SearchPageBoundTests(TestCase):
    """The search page ranks a bounded set, however many articles match."""

    @classmethod
    def setUpTestData(cls):
        index = make_index()
        for n in range(7):
            make_article(index, title=f"Numb toes {n}")

    def test_many_matches_say_so_and_still_page(self):
        with mock.patch.object(search_index, "CANDIDATES", 3):
            response = self.client.get(SEARCH_URL, {"q": "numb"})
        self.assertContains(response, "Many articles match")
        self.assertNotContains(response, "7 articles found")

    def test_queries_do_not_grow_with_the_matches(self):
        before = self.queries_for("toes")
        index = make_index(title="More", slug="more")
        for n in range(10):
            make_article(index, title=f"Toes again {n}")
        self.assertEqual(self.queries_for("toes"), before)

    def queries_for(self, query):
        self.client.get(SEARCH_URL, {"q": query})  # fills the per-site caches
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(SEARCH_URL, {"q": query})
        self.assertEqual(response.status_code, 200)
        return len(queries)
