import xml.etree.ElementTree as ET
from http import HTTPStatus

from django.test import TestCase, override_settings

from articles.models import ArticleIndexPage
from testing.demo import SEED_URL, load_demo
from testing.pages import make_article

NS = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}


def locations(response, tag="url"):
    root = ET.fromstring(response.content)
    return [loc.text for loc in root.findall(f"s:{tag}/s:loc", NS)]


class SitemapTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()  # the default site is http://testserver
        cls.section = ArticleIndexPage.objects.get(slug="articles")

    def every_url(self):
        index = self.client.get("/sitemap.xml")
        self.assertEqual(index.status_code, HTTPStatus.OK)
        urls = []
        for file in locations(index, "sitemap"):
            response = self.client.get(file.removeprefix("http://testserver"))
            self.assertEqual(response.status_code, HTTPStatus.OK, file)
            urls.append(locations(response))
        return urls

    def test_the_index_lists_pages_topic_pages_and_articles_with_absolute_urls(self):
        pages, articles = self.every_url()
        self.assertEqual(
            pages,
            [
                "http://testserver/",
                "http://testserver/articles/",
                "http://testserver/articles/topics/exercise-and-fitness/",
                "http://testserver/articles/topics/nerves-and-numbness/",
                "http://testserver/about/",
                "http://testserver/contact/",
                "http://testserver/privacy/",
                "http://testserver/accessibility/",
                "http://testserver/editorial-policy/",
            ],
        )
        self.assertEqual(articles, [f"http://testserver{SEED_URL}"])

    @override_settings(SITEMAP_URLS_PER_FILE=2)
    def test_articles_beyond_the_per_file_limit_go_to_more_files(self):
        made = [make_article(self.section, title=f"Tingle {n}") for n in range(5)]
        make_article(self.section, title="Draft", publish=False)
        _pages, *files = self.every_url()
        self.assertGreaterEqual(len(files), 3)
        self.assertTrue(all(len(file) <= 2 for file in files))
        listed = [url for file in files for url in file]
        expected = [SEED_URL] + [article.url for article in made]
        self.assertEqual(listed, [f"http://testserver{url}" for url in expected])

    @override_settings(SITEMAP_URLS_PER_FILE=2)
    def test_a_file_outside_the_index_is_not_found(self):
        count = len(locations(self.client.get("/sitemap.xml"), "sitemap")) - 1
        for number in (0, count + 1):
            with self.subTest(number=number):
                response = self.client.get(f"/sitemap-articles-{number}.xml")
                self.assertEqual(response.status_code, HTTPStatus.NOT_FOUND)

    def test_sitemaps_are_public_and_not_for_search_results(self):
        for url in ["/sitemap.xml", "/sitemap-pages.xml", "/sitemap-articles-1.xml"]:
            with self.subTest(url=url):
                response = self.client.get(url)
                self.assertIn("public", response["Cache-Control"])
                self.assertEqual(response["Content-Type"], "application/xml")
                self.assertIn("noindex", response["X-Robots-Tag"])
