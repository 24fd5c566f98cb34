import datetime
from http import HTTPStatus

from bs4 import BeautifulSoup
from django.conf import settings
from django.template.loader import render_to_string
from django.test import RequestFactory, TestCase, override_settings
from django.views.defaults import server_error

from articles.models import ArticlePage, Contributor
from testing.demo import SEED_URL, load_demo


class DiscoveryTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()  # the default site is http://testserver

    def test_robots_txt_points_to_the_sitemap(self):
        response = self.client.get("/robots.txt")
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertEqual(response["Content-Type"], "text/plain; charset=utf-8")
        lines = response.content.decode().splitlines()
        self.assertIn("Sitemap: http://testserver/sitemap.xml", lines)
        self.assertIn("Disallow: /admin/", lines)

    def test_a_missing_page_gets_a_friendly_404(self):
        response = self.client.get("/no-such-page/")
        self.assertEqual(response.status_code, HTTPStatus.NOT_FOUND)
        self.assertContains(response, "Sorry, we can’t find that page", status_code=404)
        self.assertContains(response, 'action="/search/"', status_code=404)

    def test_the_404_page_offers_one_way_to_search(self):
        response = self.client.get("/no-such-page/")
        html = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(len(html.select("form[role=search]")), 1)
        self.assertEqual(html.select("main a[href='/search/']"), [])

    def test_home_page_title_names_the_site_once(self):
        html = BeautifulSoup(self.client.get("/").content, "html.parser")
        self.assertEqual(html.title.text, "Health Answers")
        description = html.select_one("meta[property='og:description']")["content"]
        self.assertTrue(description.strip())
        self.assertEqual(
            description, html.select_one("meta[name=description]")["content"]
        )

    def test_other_pages_add_the_site_name_to_their_title(self):
        html = BeautifulSoup(self.client.get(SEED_URL).content, "html.parser")
        self.assertEqual(
            html.title.text, "Why Does My Leg Go Numb When I Run? | Health Answers"
        )

    def test_header_search_box_has_a_label_and_a_placeholder(self):
        html = BeautifulSoup(self.client.get(SEED_URL).content, "html.parser")
        box = html.select_one("#site-search")
        self.assertEqual(box["placeholder"], "Search articles")
        self.assertEqual(
            html.select_one("label[for=site-search]").text, "Search articles"
        )

    def test_the_500_page_needs_no_database_or_request(self):
        with self.assertNumQueries(0):
            html = render_to_string("500.html")
        self.assertIn("Sorry, something went wrong", html)
        self.assertIn("/static/css/site.css", html)


class PrintStylesheetTests(TestCase):
    def test_pages_link_a_print_stylesheet_that_hides_site_chrome_and_the_poll(self):
        response = self.client.get("/")
        self.assertContains(
            response,
            '<link rel="stylesheet" href="/static/css/print.css" media="print">',
            html=True,
        )
        css = (settings.BASE_DIR / "static" / "css" / "print.css").read_text()
        hidden = css[: css.index("display: none")]  # the selectors hidden first
        for selector in [".site-header", ".site-footer", "nav", ".poll", "form"]:
            with self.subTest(selector=selector):
                self.assertIn(f"\n{selector},", hidden)


@override_settings(DEBUG=False)
class ServerErrorTests(TestCase):
    def test_a_server_error_renders_the_friendly_page(self):
        response = server_error(RequestFactory().get("/"))
        self.assertEqual(response.status_code, HTTPStatus.INTERNAL_SERVER_ERROR)
        self.assertIn(b"Sorry, something went wrong", response.content)


class PrintSourceTests(TestCase):
    """A printout says where it came from: site, address and date."""

    @classmethod
    def setUpTestData(cls):
        load_demo()

    def source(self, url):
        response = self.client.get(url)
        return BeautifulSoup(response.content, "html.parser").select_one(
            ".print-source"
        )

    def test_an_article_names_the_site_its_address_and_when_it_was_updated(self):
        source = self.source(SEED_URL)
        text = " ".join(source.get_text().split())
        self.assertIn("Printed from Health Answers: http://testserver" + SEED_URL, text)
        self.assertIn("Last updated", text)
        self.assertNotIn("reviewed", text)  # the seed article has no reviewer
        self.assertTrue(source.time["datetime"])

    def test_a_reviewed_article_gives_the_review_date(self):
        article = ArticlePage.objects.get()
        article.reviewer = Contributor.objects.create(name="Dr A. Example")
        article.last_reviewed = datetime.date(2026, 3, 4)
        article.save_revision().publish()
        text = " ".join(self.source(SEED_URL).get_text().split())
        self.assertIn("Last reviewed 4 March 2026", text)

    def test_a_page_that_is_not_in_the_tree_gives_its_own_address(self):
        text = self.source("/search/?q=numb").get_text()
        self.assertIn("http://testserver/search/?q=numb", text)

    def test_it_is_hidden_on_screen_and_shown_on_paper(self):
        site_css = (settings.BASE_DIR / "static" / "css" / "site.css").read_text()
        print_css = (settings.BASE_DIR / "static" / "css" / "print.css").read_text()
        self.assertIn(".print-source {\n    display: none;", site_css)
        self.assertIn(".print-source {\n    display: block !important;", print_css)
