from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import TestCase
from wagtail.models import Site
from wagtail_factories import ImageFactory

from home.models import SiteSettings
from testing.pages import make_article, make_index


def meta(response, **attrs):
    tag = BeautifulSoup(response.content, "html.parser").find("meta", attrs=attrs)
    return tag["content"] if tag else None


class ShareCardTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_index()
        cls.article = make_article(cls.index, title="Plain article")

    def setUp(self):
        # Wagtail caches renditions by image id, and ids repeat between tests.
        cache.clear()

    def test_without_any_image_the_card_is_a_summary(self):
        response = self.client.get(self.article.url)
        self.assertEqual(meta(response, name="twitter:card"), "summary")
        self.assertIsNone(meta(response, property="og:image"))
        self.assertEqual(meta(response, property="og:title"), "Plain article")
        self.assertEqual(
            meta(response, property="og:url"),
            "http://localhost/articles/plain-article/",
        )

    def test_the_default_share_image_is_used_when_a_page_has_none(self):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.default_share_image = ImageFactory(file__width=1600, file__height=900)
        settings.save()
        for url in ["/", self.index.url, self.article.url]:
            with self.subTest(url=url):
                response = self.client.get(url)
                image = meta(response, property="og:image")
                self.assertRegex(image, r"^http://localhost/media/images/.*\.jpg$")
                self.assertEqual(meta(response, property="og:image:width"), "1200")
                self.assertEqual(meta(response, property="og:image:height"), "630")
                self.assertEqual(
                    meta(response, name="twitter:card"), "summary_large_image"
                )

    def test_an_articles_own_image_wins(self):
        hero = ImageFactory(title="Runner")
        page = make_article(self.index, title="With image", hero_image=hero)
        response = self.client.get(page.url)
        self.assertIn(
            hero.get_rendition("fill-1200x630|format-jpeg").url,
            meta(response, property="og:image"),
        )
