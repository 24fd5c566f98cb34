"""A CDN in front of the site forgets the pages that list a changed article."""

import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from django.core.cache import cache
from django.test import TestCase, override_settings
from wagtail.contrib.frontend_cache.backends import BaseBackend

from articles.models import Topic
from testing.pages import make_article, make_index, site_root


class RecordingBackend(BaseBackend):
    """Stands in for Varnish, Cloudflare or CloudFront: notes what it was told."""

    purged = []

    def purge(self, url):
        self.purged.append(url)


@override_settings(
    WAGTAILFRONTENDCACHE={
        "cdn": {"BACKEND": "articles.tests.test_changes.RecordingBackend"}
    }
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
        with self.captureOnCommitCallbacks(execute=True):
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
        with self.captureOnCommitCallbacks(execute=True):
            article.unpublish()
        expected = {"articles/leg-numbness/", "articles/", "sitemap.xml"}
        self.assertLessEqual(expected, self.purged_paths())

    def test_moving_purges_both_sections(self):
        article = make_article(self.index, title="Leg numbness")
        guides = make_index(site_root(), title="Guides", slug="guides")
        RecordingBackend.purged = []
        with self.captureOnCommitCallbacks(execute=True):
            article.move(guides, pos="last-child")
        self.assertLessEqual({"articles/", "guides/", "feed/"}, self.purged_paths())

    def test_deleting_purges_the_listings(self):
        article = make_article(self.index, title="Leg numbness")
        RecordingBackend.purged = []
        with self.captureOnCommitCallbacks(execute=True):
            article.delete()
        self.assertLessEqual({"articles/", "", "sitemap.xml"}, self.purged_paths())


class RecordingPurgeEndpoint(ThreadingHTTPServer):
    """A Varnish stand-in on a free loopback port: notes each PURGE it gets."""

    def __init__(self):
        super().__init__(("127.0.0.1", 0), RecordPurge)
        self.requests = []

    @property
    def location(self):
        return f"http://127.0.0.1:{self.server_address[1]}"


class RecordPurge(BaseHTTPRequestHandler):
    def do_PURGE(self):
        self.server.requests.append((self.command, self.headers["Host"], self.path))
        self.send_response(HTTPStatus.OK)
        self.send_header("Content-Length", "0")
        self.end_headers()

    def log_message(self, format, *args):
        pass


class HttpPurgeTests(TestCase):
    """Wagtail's HTTPBackend against a real HTTP endpoint, as with Varnish."""

    @classmethod
    def setUpTestData(cls):
        cls.index = make_index(site_root())
        cls.topic = Topic.objects.create(name="Nerves", slug="nerves")
        # Eleven articles: the section and the topic page have a second page.
        for number in range(11):
            make_article(cls.index, title=f"Article {number}", topics=[cls.topic])

    def setUp(self):
        cache.clear()  # Wagtail's cached site root paths, from another test's site
        self.endpoint = RecordingPurgeEndpoint()
        thread = threading.Thread(target=self.endpoint.serve_forever, daemon=True)
        thread.start()
        self.addCleanup(self.endpoint.server_close)
        self.addCleanup(self.endpoint.shutdown)
        backend = {
            "cdn": {
                "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
                "LOCATION": self.endpoint.location,
            }
        }
        override = override_settings(WAGTAILFRONTENDCACHE=backend)
        override.enable()
        self.addCleanup(override.disable)

    def purged(self):
        self.assertTrue(self.endpoint.requests, "nothing was purged")
        self.assertEqual({method for method, *_ in self.endpoint.requests}, {"PURGE"})
        self.assertEqual({host for _, host, _ in self.endpoint.requests}, {"localhost"})
        return {path for *_, path in self.endpoint.requests}

    def test_publishing_purges_every_listing_page_that_shows_the_article(self):
        with self.captureOnCommitCallbacks(execute=True):
            article = make_article(
                self.index, title="Leg numbness", topics=[self.topic]
            )
        expected = {
            "/articles/leg-numbness/",
            "/articles/",
            "/articles/?page=2",
            "/articles/topics/nerves/",
            "/articles/topics/nerves/?page=2",
            "/",
            "/sitemap.xml",
            "/feed/",
            "/api/v2/articles/",
            f"/api/v2/articles/{article.pk}/",
        }
        self.assertLessEqual(expected, self.purged())

    def test_unpublishing_purges_the_page_that_empties(self):
        article = make_article(self.index, title="Leg numbness", topics=[self.topic])
        self.endpoint.requests.clear()
        with self.captureOnCommitCallbacks(execute=True):
            article.unpublish()
        purged = self.purged()
        self.assertLessEqual(
            {"/articles/?page=2", "/articles/topics/nerves/?page=2"}, purged
        )
        self.assertNotIn("/articles/?page=3", purged)

    def test_the_api_listing_is_purged_page_by_page(self):
        for number in range(11, 21):
            make_article(self.index, title=f"Article {number}")
        self.endpoint.requests.clear()
        with self.captureOnCommitCallbacks(execute=True):
            make_article(self.index, title="Leg numbness")
        purged = self.purged()
        self.assertLessEqual(
            {"/api/v2/articles/", "/api/v2/articles/?offset=20"}, purged
        )
        self.assertNotIn("/api/v2/articles/?offset=40", purged)
