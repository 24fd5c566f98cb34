import time
from unittest import mock

from django.test import RequestFactory, TestCase, override_settings

from core import cache_tags
from testing.pages import make_article, make_index


def request():
    return RequestFactory().get("/a/")


def stored_at(started, *tags):
    return frozenset({cache_tags.SITE, *tags}), started


class CacheTagsTests(TestCase):
    def setUp(self):
        cache_tags.cache().clear()

    def fresh(self, tags, started):
        return cache_tags.is_fresh(request(), tags, started)

    def test_a_request_shows_the_site_and_what_is_added(self):
        req = request()
        self.assertEqual(cache_tags.of(req), {cache_tags.SITE})
        cache_tags.add(req, "page:1", "topic:2")
        self.assertEqual(cache_tags.of(req), {cache_tags.SITE, "page:1", "topic:2"})

    def test_a_page_is_tagged_with_itself_and_each_ancestor(self):
        article = make_article(make_index(), title="Numb")
        self.assertEqual(
            cache_tags.for_page(article),
            {
                f"page:{article.pk}",
                f"tree:{article.path[:4]}",
                f"tree:{article.path[:8]}",
                f"tree:{article.path[:12]}",
            },
        )

    def test_an_entry_is_fresh_until_one_of_its_tags_is_bumped(self):
        tags, started = stored_at(time.time() - 5, "page:1")
        cache_tags.register(tags, started)
        self.assertTrue(self.fresh(tags, started))
        cache_tags.bump("page:2")
        self.assertTrue(self.fresh(tags, started))
        cache_tags.bump("page:1")
        self.assertFalse(self.fresh(tags, started))

    def test_bumping_site_makes_every_entry_stale(self):
        tags, started = stored_at(time.time() - 5, "page:1")
        cache_tags.register(tags, started)
        cache_tags.bump(cache_tags.SITE)
        self.assertFalse(self.fresh(tags, started))

    @override_settings(PAGE_CACHE_CLOCK_MARGIN=1)
    def test_an_entry_started_just_after_a_bump_is_not_trusted(self):
        cache_tags.bump("page:1")
        tags, started = stored_at(time.time() + 0.5, "page:1")
        self.assertFalse(self.fresh(tags, started))
        self.assertTrue(self.fresh(tags, time.time() + 2))

    def test_a_tag_whose_time_was_evicted_counts_as_just_bumped(self):
        tags, started = stored_at(time.time() - 5, "page:1")
        cache_tags.register(tags, started)
        cache_tags.cache().delete("tags:page:1")
        cache_tags.bump("page:9")  # moves the clock, so workers read again
        self.assertFalse(self.fresh(tags, started))

    def test_a_bump_reaches_a_worker_that_remembered_the_times(self):
        tags, started = stored_at(time.time() - 5, "page:1")
        cache_tags.register(tags, started)
        self.assertTrue(self.fresh(tags, started))  # this worker now remembers
        cache_tags.record(["page:1"])  # as another worker's bump would
        self.assertFalse(self.fresh(tags, started))

    def test_between_bumps_a_check_reads_only_the_clock(self):
        tags, started = stored_at(time.time() - 5, "page:1", "topic:3")
        cache_tags.register(tags, started)
        self.fresh(tags, started)
        with mock.patch.object(
            cache_tags.cache(), "get_many", wraps=cache_tags.cache().get_many
        ) as get_many:
            self.assertTrue(self.fresh(tags, started))
        get_many.assert_not_called()

    def test_a_bump_in_a_transaction_is_recorded_again_at_commit(self):
        with self.captureOnCommitCallbacks() as callbacks:
            cache_tags.bump("page:1")
        self.assertEqual(len(callbacks), 1)
        tags, started = stored_at(time.time(), "page:1")
        with mock.patch("time.time", return_value=started + 10):
            callbacks[0]()
        self.assertFalse(self.fresh(tags, started + 5))
