from bs4 import BeautifulSoup
from django.test import TestCase
from django.urls import reverse

from testing.pages import make_article, make_index


def breadcrumbs(response):
    html = BeautifulSoup(response.content, "html.parser")
    nav = html.find("nav", attrs={"aria-label": "Breadcrumb"})
    if nav is None:
        return None
    return [
        (li.get_text(strip=True), li.a["href"] if li.a else None)
        for li in nav.find_all("li")
    ]


class BreadcrumbsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_index()
        cls.article = make_article(cls.index, title="Numb legs")

    def test_an_article_shows_the_trail_from_home(self):
        self.assertEqual(
            breadcrumbs(self.client.get(self.article.url)),
            [("Home", "/"), ("Articles", "/articles/"), ("Numb legs", None)],
        )

    def test_the_current_page_is_marked_and_not_linked(self):
        response = self.client.get(self.article.url)
        html = BeautifulSoup(response.content, "html.parser")
        current = html.select_one('nav[aria-label="Breadcrumb"] [aria-current="page"]')
        self.assertEqual(current.get_text(), "Numb legs")
        self.assertEqual(current.name, "span")

    def test_section_and_views_that_are_not_pages(self):
        for url, expected in [
            (self.index.url, [("Home", "/"), ("Articles", None)]),
            (reverse("articles:search"), [("Home", "/"), ("Search", None)]),
            ("/missing/", [("Home", "/"), ("Page not found", None)]),
        ]:
            with self.subTest(url=url):
                self.assertEqual(breadcrumbs(self.client.get(url)), expected)

    def test_the_home_page_has_no_trail_of_one(self):
        self.assertIsNone(breadcrumbs(self.client.get("/")))
