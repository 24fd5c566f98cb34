from http import HTTPStatus

from bs4 import BeautifulSoup
from django.test import TestCase
from wagtail.contrib.search_promotions.models import Query, SearchPromotion

from articles.models import ArticlePage
from testing.demo import SEED_URL, load_demo
from testing.pages import make_article, make_index
from testing.search import SEARCH_URL, search_results


class SeedArticleSearchTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()

    def test_finds_the_seed_article_by_a_word_in_its_title(self):
        response = self.client.get(SEARCH_URL, {"q": "numb"})
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertEqual(search_results(response), [SEED_URL])
        self.assertContains(response, "<mark>Numb</mark>", html=False)

    def test_finds_the_seed_article_by_a_word_only_in_its_body(self):
        response = self.client.get(SEARCH_URL, {"q": "vitamin"})
        self.assertEqual(search_results(response), [SEED_URL])
        html = BeautifulSoup(response.content, "html.parser")
        excerpt = html.select_one(".search-result__excerpt")
        self.assertIn("Vitamin", [m.get_text() for m in excerpt.find_all("mark")])

    def test_says_clearly_when_nothing_matches(self):
        response = self.client.get(SEARCH_URL, {"q": "kidneys"})
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertEqual(search_results(response), [])
        self.assertContains(response, "No articles match “kidneys”")
        self.assertContains(response, "/articles/topics/nerves-and-numbness/")

    def test_an_empty_query_shows_the_form_and_no_results(self):
        response = self.client.get(SEARCH_URL, {"q": "   "})
        self.assertContains(response, '<label for="search-query">', html=False)
        self.assertNotContains(response, "No articles match")
        self.assertEqual(search_results(response), [])

    def test_results_page_has_one_search_box(self):
        response = self.client.get(SEARCH_URL, {"q": "numb"})
        html = BeautifulSoup(response.content, "html.parser")
        boxes = html.select("input[type=search]")
        self.assertEqual([box["id"] for box in boxes], ["search-query"])
        self.assertEqual(boxes[0]["value"], "numb")

    def test_is_a_get_form_without_a_csrf_token(self):
        response = self.client.get(SEARCH_URL, {"q": "numb"})
        self.assertNotContains(response, "csrfmiddlewaretoken")
        self.assertContains(response, 'method="get"')

    def test_query_text_is_escaped(self):
        response = self.client.get(SEARCH_URL, {"q": "<script>numb"})
        self.assertNotContains(response, "<script>numb")
        self.assertContains(response, "&lt;script&gt;numb")


class SearchListingTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        index = make_index()
        cls.articles = [
            make_article(index, title=f"Tingling article {n}") for n in range(12)
        ]
        cls.draft = make_article(index, title="Tingling draft", publish=False)

    def test_never_shows_drafts(self):
        response = self.client.get(SEARCH_URL, {"q": "tingling draft"})
        self.assertNotIn(self.draft.url, search_results(response))
        self.assertFalse(ArticlePage.objects.get(pk=self.draft.pk).live)

    def test_pages_keep_the_query(self):
        first = self.client.get(SEARCH_URL, {"q": "tingling"})
        self.assertEqual(len(search_results(first)), 10)
        self.assertContains(first, "?q=tingling&amp;page=2")
        second = self.client.get(SEARCH_URL, {"q": "tingling", "page": 2})
        self.assertEqual(len(search_results(second)), 2)
        self.assertFalse(set(search_results(first)) & set(search_results(second)))

    def test_a_page_number_out_of_range_is_not_found(self):
        response = self.client.get(SEARCH_URL, {"q": "tingling", "page": 9})
        self.assertEqual(response.status_code, HTTPStatus.NOT_FOUND)

    def test_editors_promoted_results_come_first_and_are_not_repeated(self):
        promoted = self.articles[3]
        SearchPromotion.objects.create(
            query=Query.get("tingling"),
            page=promoted,
            description="Start here.",
            sort_order=0,
        )
        response = self.client.get(SEARCH_URL, {"q": "Tingling"})
        html = BeautifulSoup(response.content, "html.parser")
        picks = [a["href"] for a in html.select(".promotions a")]
        self.assertEqual(picks, [promoted.url])
        self.assertContains(response, "Start here.")
        self.assertNotIn(promoted.url, search_results(response))

    def test_counts_the_search_for_the_search_terms_report(self):
        self.client.get(SEARCH_URL, {"q": "tingling"})
        self.client.get(SEARCH_URL, {"q": "Tingling"})
        self.assertEqual(Query.get("tingling").hits, 2)
