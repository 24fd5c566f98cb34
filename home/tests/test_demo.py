from http import HTTPStatus
from io import StringIO

from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import Page, Revision, Site

from articles.models import ArticleIndexPage, ArticlePage

SEED_URL = "/articles/why-does-my-leg-go-numb-when-i-run/"


def load_demo():
    out = StringIO()
    call_command("load_demo", "--site-host", "testserver", stdout=out)
    return out.getvalue()


class LoadDemoTests(TestCase):
    def test_builds_home_articles_and_the_published_seed_article(self):
        load_demo()
        index = ArticleIndexPage.objects.get()
        article = ArticlePage.objects.get()
        self.assertEqual(index.get_parent().specific_class.__name__, "HomePage")
        self.assertTrue(article.live)
        self.assertEqual(article.url, SEED_URL)
        self.assertEqual(Site.objects.get().hostname, "testserver")

    def test_running_twice_changes_nothing(self):
        load_demo()
        pages, revisions = Page.objects.count(), Revision.objects.count()
        output = load_demo()
        self.assertIn("Unchanged", output)
        self.assertEqual(ArticlePage.objects.count(), 1)
        self.assertEqual(Page.objects.count(), pages)
        self.assertEqual(Revision.objects.count(), revisions)


class SeedArticlePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()

    def setUp(self):
        response = self.client.get(SEED_URL)
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.html = BeautifulSoup(response.content, "html.parser")

    def test_title_is_the_h1(self):
        self.assertEqual(
            [h1.get_text() for h1 in self.html.find_all("h1")],
            ["Why Does My Leg Go Numb When I Run?"],
        )

    def test_five_numbered_causes_then_prevention_and_conclusion(self):
        causes = self.html.select("ol.causes > li .cause__title")
        self.assertEqual(
            [cause.get_text() for cause in causes],
            [
                "Compression of nerves",
                "Poor blood flow",
                "Vitamin or mineral deficiency",
                "Muscular imbalances",
                "Medical conditions",
            ],
        )
        sections = [s["class"][0] for s in self.html.select(".article__body > *")]
        self.assertEqual(
            sections,
            ["block-paragraph", "block-causes", "block-prevention", "block-conclusion"],
        )

    def test_articles_section_is_in_the_main_menu(self):
        links = [a["href"] for a in self.html.select('nav[aria-label="Main"] a')]
        self.assertEqual(links, ["/", "/articles/"])
