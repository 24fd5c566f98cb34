"""The production path: PostgreSQL and Redis, when configured (CI sets both)."""

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import connection
from django.test import RequestFactory, TestCase, override_settings
from wagtail.search.backends import get_search_backend

from conftest import require_service
from polls.ratelimit import hit
from polls.views.votes import VoteView


class RedisTests(TestCase):
    def setUp(self):
        require_service("REDIS_URL", "Redis")

    def test_both_caches_live_in_redis_under_their_own_prefix(self):
        for alias in ("default", "pages"):
            with self.subTest(alias):
                cache = caches[alias]
                self.assertIsInstance(cache, RedisCache, settings.CACHES[alias])
                cache.set("probe", alias)
                self.assertEqual(cache.get("probe"), alias)
        self.assertNotEqual(caches["default"].key_prefix, caches["pages"].key_prefix)

    def test_rate_limit_counters_are_shared_through_redis(self):
        caches["default"].clear()
        results = [hit("reader", "shared-key", limit=2, window=60) for _ in range(3)]
        self.assertEqual(results[:2], [0, 0])
        self.assertGreater(results[2], 0)
        raw = caches["default"]._cache.get_client().keys("*polls:rate:reader*")
        self.assertTrue(raw, "the counter is stored in Redis")

    @override_settings(POLLS_RATE_LIMITS={"reader": (100, 60), "network": (1, 60)})
    def test_votes_are_rate_limited_through_redis(self):
        caches["default"].clear()
        request = RequestFactory().post(
            "/polls/vote/", {}, headers={"Origin": "http://testserver"}
        )
        view = VoteView()
        self.assertEqual(view.rate_limited(request, "a" * 40), 0)
        self.assertGreater(view.rate_limited(request, "b" * 40), 0)


class PostgresTests(TestCase):
    def setUp(self):
        require_service("DATABASE_URL", "PostgreSQL")

    def test_the_suite_runs_on_postgresql(self):
        self.assertEqual(connection.vendor, "postgresql")

    def test_search_uses_postgresql_full_text_search(self):
        backend = get_search_backend()
        self.assertIn("postgres", type(backend).__module__)
