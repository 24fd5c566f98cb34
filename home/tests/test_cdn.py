"""A CDN in front of the site is purged like the page cache."""

from django.test import TestCase, override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend

from articles.models import Topic
from articles.tests.factories import make_article, make_index, site_root


class RecordingBackend(BaseBackend):
    """Stands in for Varnish, Cloudflare or CloudFront: notes what it was told."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


@override_settings(
    WAGTAILFRONTENDCACHE={"cdn": {"BACKEND": "home.tests.test_cdn.RecordingBackend"}}
)
class CdnPurgeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_index(site_root())
        cls.topic = Topic.objects.create(name="Nerves", slug="nerves")

    def setUp(self):
        RecordingBackend.purged = []

    def purged_paths(self):
        return {url.split("/", 3)[3] for url in RecordingBackend.purged}

    def test_publishing_an_article_purges_it_and_every_page_that_lists_it(self):
        make_article(self.index, title="Leg numbness", topics=[self.topic])
        expected = {
            "articles/leg-numbness/",
            "articles/",
            "articles/topics/nerves/",
            "",
            "sitemap.xml",
            "feed/",
        }
        self.assertLessEqual(expected, self.purged_paths())

    def test_unpublishing_purges_the_listings(self):
        article = make_article(self.index, title="Leg numbness")
        RecordingBackend.purged = []
        article.unpublish()
        expected = {"articles/leg-numbness/", "articles/", "sitemap.xml"}
        self.assertLessEqual(expected, self.purged_paths())

    def test_moving_purges_both_sections(self):
        article = make_article(self.index, title="Leg numbness")
        guides = make_index(site_root(), title="Guides", slug="guides")
        RecordingBackend.purged = []
        article.move(guides, pos="last-child")
        self.assertLessEqual({"articles/", "guides/", "feed/"}, self.purged_paths())

    def test_deleting_purges_the_listings(self):
        article = make_article(self.index, title="Leg numbness")
        RecordingBackend.purged = []
        article.delete()
        self.assertLessEqual({"articles/", "", "sitemap.xml"}, self.purged_paths())
