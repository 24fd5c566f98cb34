import xml.etree.ElementTree as ET
from http import HTTPStatus

from django.test import TestCase
from django.urls import reverse

from testing.demo import SEED_URL, load_demo
from testing.pages import make_article, make_index

FEED_URL = reverse("articles:feed")


class LatestArticlesFeedTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()  # the default site is http://testserver

    def items(self):
        response = self.client.get(FEED_URL)
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertIn("application/rss+xml", response["Content-Type"])
        return ET.fromstring(response.content).find("channel").findall("item")

    def test_lists_the_seed_article_with_its_absolute_url(self):
        [item] = self.items()
        self.assertEqual(item.findtext("title"), "Why Does My Leg Go Numb When I Run?")
        self.assertEqual(item.findtext("link"), f"http://testserver{SEED_URL}")
        self.assertEqual(item.findtext("guid"), f"http://testserver{SEED_URL}")
        self.assertEqual(
            [c.text for c in item.findall("category")],
            ["Exercise and fitness", "Nerves and numbness"],
        )

    def test_newest_first_and_never_drafts(self):
        index = make_index(slug="more", title="More")
        make_article(index, title="A newer article")
        make_article(index, title="A draft", publish=False)
        titles = [item.findtext("title") for item in self.items()]
        self.assertEqual(
            titles, ["A newer article", "Why Does My Leg Go Numb When I Run?"]
        )

    def test_pages_link_to_the_feed(self):
        response = self.client.get(SEED_URL)
        self.assertContains(
            response,
            f'<link rel="alternate" type="application/rss+xml" '
            f'title="Latest articles" href="{FEED_URL}">',
            html=True,
        )
