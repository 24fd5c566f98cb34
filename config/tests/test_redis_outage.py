"""While Redis is away the site runs without its cache: no 500s, no lost votes.

Redis here is a closed port, so these tests need no Redis server.
"""

from http import HTTPStatus

from django.core.cache import caches
from django.test import TestCase, override_settings

from polls.models import Choice, Poll, Response
from polls.testing import JSON, SAME_ORIGIN
from polls.voting.ratelimit import hit
from testing.pages import make_article, make_index, site_root

NOWHERE = "redis://127.0.0.1:1/0"  # nothing listens on port 1

# As config/settings/caching.py sets them when REDIS_URL is given.
REDIS_AWAY = {
    alias: {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": NOWHERE,
        "OPTIONS": {
            "IGNORE_EXCEPTIONS": True,
            "SOCKET_CONNECT_TIMEOUT": 0.5,
            "SOCKET_TIMEOUT": 0.5,
        },
    }
    for alias in ("default", "pages")
}
REDIS_AWAY["uncached"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}


@override_settings(
    CACHES=REDIS_AWAY,
    PAGE_CACHE_ENABLED=True,
    ROUTE_CACHE_ENABLED=True,
    FRAGMENT_CACHE_ENABLED=True,
)
class RedisOutageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_index(site_root())
        cls.article = make_article(cls.index, title="Leg numbness")

    def test_pages_are_rendered_afresh(self):
        for url in (self.article.url, self.index.url, "/"):
            with self.subTest(url=url):
                for _ in range(2):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, HTTPStatus.OK)
                    self.assertEqual(response["X-Page-Cache"], "miss")

    def test_votes_are_stored(self):
        poll = Poll.objects.get(question="Was this article helpful?")
        yes = Choice.objects.get(poll=poll, label="Yes")
        data = {"page": self.article.pk, "poll": poll.pk, "choice": yes.pk}
        response = self.client.post("/polls/vote/", data, **SAME_ORIGIN, **JSON)
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertEqual(Response.objects.filter(page=self.article).count(), 1)

    def test_publishing_carries_on(self):
        self.article.title = "Leg numbness when running"
        self.article.save_revision().publish()
        self.assertContains(self.client.get(self.article.url), "when running")

    def test_every_cache_operation_answers_as_a_miss(self):
        cache = caches["pages"]
        with self.assertLogs("django_redis.cache", "ERROR"):
            self.assertIsNone(cache.get("key"))
        self.assertEqual(cache.get("key", "fallback"), "fallback")
        self.assertFalse(cache.add("key", 1))
        self.assertIsNone(cache.incr("key"))  # counted as nothing
        self.assertEqual(cache.get_many(["a", "b"]), {})
        self.assertFalse(cache.has_key("key"))
        self.assertIsNone(cache.set_many({"a": 1}))
        cache.set("key", 1)
        cache.delete("key")
        cache.clear()

    def test_rate_limits_count_nothing(self):
        for _ in range(3):
            self.assertEqual(hit("reader", "k", limit=1, window=60), 0)
