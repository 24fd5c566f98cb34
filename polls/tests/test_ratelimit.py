from unittest import mock

from django.core.cache import cache
from django.test import SimpleTestCase

from polls.voting.ratelimit import hit


class RateLimitTests(SimpleTestCase):
    def setUp(self):
        cache.clear()

    def test_allows_the_limit_then_asks_to_wait_until_the_window_ends(self):
        with mock.patch("polls.voting.ratelimit.time.time", return_value=1_000_010):
            results = [hit("reader", "k", limit=3, window=60) for _ in range(5)]
        self.assertEqual(results[:3], [0, 0, 0])
        self.assertEqual(results[3:], [10, 10])  # the window ends at 1_000_020

    def test_a_new_window_starts_afresh(self):
        with mock.patch("polls.voting.ratelimit.time.time", return_value=1_000_010):
            for _ in range(4):
                hit("reader", "k", limit=3, window=60)
        with mock.patch("polls.voting.ratelimit.time.time", return_value=1_000_021):
            self.assertEqual(hit("reader", "k", limit=3, window=60), 0)

    def test_scopes_and_keys_are_counted_separately(self):
        for _ in range(3):
            hit("reader", "a", limit=3, window=60)
        self.assertEqual(hit("reader", "b", limit=3, window=60), 0)
        self.assertEqual(hit("network", "a", limit=3, window=60), 0)
