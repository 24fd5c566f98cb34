"""The production path: PostgreSQL and Redis, when configured (CI sets both)."""

from unittest import mock

from django.conf import settings
from django.core.cache import caches
from django.db import connection
from django.test import RequestFactory, TestCase, override_settings
from django_redis import get_redis_connection
from django_redis.cache import RedisCache
from redis.client import Pipeline, Redis
from wagtail.search.backends import get_search_backend

from conftest import require_service
from polls.voting.ratelimit import hit, hits
from polls.voting.views.votes import VoteView


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
        raw = get_redis_connection("default").keys("*polls:rate:reader*")
        self.assertTrue(raw, "the counter is stored in Redis")

    def test_a_votes_limits_are_counted_in_one_round_trip(self):
        caches["default"].clear()
        with (
            # Mid-window, so the three land in one window whenever this runs.
            mock.patch("polls.voting.ratelimit.time.time", return_value=1_000_030),
            mock.patch.object(
                Redis,
                "execute_command",
                autospec=True,
                side_effect=Redis.execute_command,
            ) as single,
            mock.patch.object(
                Pipeline, "execute", autospec=True, side_effect=Pipeline.execute
            ) as pipelined,
        ):
            limits = [("reader", "r", 2, 60), ("network", "n", 9, 60)]
            waits = [hits(*limits) for _ in range(3)]
        self.assertEqual((single.call_count, pipelined.call_count), (0, 3))
        self.assertEqual(waits[:2], [0, 0])
        self.assertGreater(waits[2], 0)  # the reader's third, over its 2

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
