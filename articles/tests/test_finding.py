from bs4 import BeautifulSoup
from django.test import SimpleTestCase, TestCase

from articles.finding import find_articles, stem
from articles.models import ArticlePage, Topic
from testing.demo import SEED_URL, load_demo
from testing.search import SEARCH_URL, search_results


class StemTests(SimpleTestCase):
    def test_word_forms_share_a_stem(self):
        for word, expected in [
            ("runner", "run"),
            ("running", "run"),
            ("runs", "run"),
            ("needles", "needl"),
            ("numbness", "numb"),
            ("tingling", "tingl"),
            ("leg", "leg"),
            ("is", "is"),
        ]:
            with self.subTest(word=word):
                self.assertEqual(stem(word), expected)


class FindingTests(TestCase):
    """What readers type, on whichever database the tests run."""

    @classmethod
    def setUpTestData(cls):
        load_demo()

    def search(self, query):
        response = self.client.get(SEARCH_URL, {"q": query})
        return response, search_results(response)

    def test_words_from_a_topic_description_find_its_articles(self):
        response, urls = self.search("pins and needles")
        self.assertEqual(urls, [SEED_URL])

    def test_another_form_of_a_word_finds_the_article(self):
        response, urls = self.search("runner")
        self.assertEqual(urls, [SEED_URL])
        self.assertContains(response, "with words like “runner”")
        self.assertContains(response, "<mark>running</mark>")

    def test_a_typo_shows_the_results_for_the_closest_word(self):
        response, urls = self.search("numbb")
        self.assertEqual(urls, [SEED_URL])
        self.assertContains(response, "No articles match “numbb”")
        self.assertContains(response, "<mark>Numb</mark>", html=False)
        html = BeautifulSoup(response.content, "html.parser")
        link = html.select_one(".search-suggestion a")
        self.assertEqual(link.text, "numb")
        self.assertEqual(search_results(self.client.get(link["href"])), [SEED_URL])

    def test_a_typo_in_one_word_of_two_keeps_the_other(self):
        found = find_articles(ArticlePage.objects.live(), "numbb leg")
        self.assertEqual(found.suggestion, "numb leg")
        self.assertEqual(len(found.page_ids), 1)

    def test_unrelated_words_still_find_nothing(self):
        response, urls = self.search("kidneys")
        self.assertEqual(urls, [])
        self.assertNotContains(response, "Did you mean")

    def test_an_edited_topic_description_is_searchable_at_once(self):
        topic = Topic.objects.get(name="Nerves and numbness")
        topic.description = "Sciatica and other trapped nerves."
        topic.save()
        self.assertEqual(self.search("sciatica")[1], [SEED_URL])

    def test_a_topic_added_at_publishing_makes_the_article_findable(self):
        topic = Topic.objects.create(
            name="Sciatica", slug="sciatica", description="Trapped nerve pain."
        )
        article = ArticlePage.objects.get()
        article.topics.add(topic)
        article.save_revision().publish()
        self.assertEqual(self.search("trapped")[1], [SEED_URL])

    def test_exact_matches_are_not_marked_approximate(self):
        found = find_articles(ArticlePage.objects.live(), "running")
        self.assertFalse(found.approximate)
        self.assertEqual(
            found.page_ids, list(ArticlePage.objects.values_list("pk", flat=True))
        )
