"""What each cached page shows, and which changes make it stale: cache tags.

Every page, fragment and route the caches store carries the tags of what it
shows: ``page:12`` for a page (its own and each one it lists or links to by
title), ``tree:<path>`` for each ancestor in its breadcrumbs, and whatever
its app adds (``listing:4`` for a section's listing, ``topic:7``...). Every
one also carries ``site``, for what all pages show (menus, footer, site
settings). Views and templates add tags to the request as they render
(``add``); the caches store them with the time the request started.

A change names the tags it touches, and ``bump`` records when, again once
its transaction has committed (so no reader can render the old rows after
the bump). A stored entry is fresh while every one of its tags was last bumped
before the entry's request started: ``is_fresh``. A change therefore drops
exactly the entries that show what changed, in every worker at once, and
nothing else.

Each bump also moves one shared ``clock``. Every request reads it once, and
each worker keeps the tag times it has read until the clock moves; a cache
hit between changes then costs one cache read, as one global token did.

A tag first stored with an entry gets a time just before that entry started
(``register``); a tag whose time is missing when an entry is read (evicted)
counts as bumped at that moment, so an eviction can only cost misses, never
serve a stale page. The servers sharing a cache may disagree on the time by up
to ``PAGE_CACHE_CLOCK_MARGIN`` seconds (NTP keeps them far closer); an entry
started that close after a bump is not trusted.
"""

import contextvars
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

CACHE_ALIAS = "pages"
SITE = "site"
# Lists of every page (the sitemaps): any page's arrival, move or departure.
PAGE_LIST = "pages"
CLOCK_KEY = "tags:clock"


def page(page_id):
    return f"page:{page_id}"


def tree(path):
    return f"tree:{path}"


def children(page_id):
    """The list of a page's children, on the pages that show it."""
    return f"children:{page_id}"


def for_page(wagtail_page):
    """The page itself and each ancestor (by tree path, no query needed)."""
    step = wagtail_page.steplen
    path = wagtail_page.path
    return {page(wagtail_page.pk)} | {
        tree(path[:end]) for end in range(step, len(path), step)
    }


def cache():
    return caches[CACHE_ALIAS]


def started_at(request):
    """When the request started, for its entries' freshness (read once)."""
    if not hasattr(request, "cache_started_at"):
        request.cache_started_at = time.time()
    return request.cache_started_at


def add(request, *tags):
    """Record that what ``request`` renders shows ``tags``."""
    if not hasattr(request, "cache_tags"):
        request.cache_tags = {SITE}
    request.cache_tags.update(tags)


def of(request):
    return frozenset(getattr(request, "cache_tags", {SITE}))


# Bumps collected by ``batch``; more distinct tags than this drop everything.
BATCH_LIMIT = 100
_batched = contextvars.ContextVar("cache_tags_batched", default=None)


@contextmanager
def batch():
    """Collect the bumps of many changes and make them once, at the end.

    For bulk work such as an import of a thousand articles: each bump writes
    to the shared cache, and readers gain nothing from pages being dropped
    one by one while the import runs. Past ``BATCH_LIMIT`` tags, ``site`` is
    bumped instead.
    """
    if _batched.get() is not None:
        yield
        return
    collected = set()
    token = _batched.set(collected)
    try:
        yield
    finally:
        _batched.reset(token)
        if len(collected) > BATCH_LIMIT:
            collected = {SITE}
        bump(*collected)


def bump(*tags):
    """Make every entry showing any of ``tags`` stale: now, and again once
    the change commits.

    The bump at commit is the one that counts: a reader who rendered the
    rows from before the change and stored them in between started before
    it. The bump now only spares readers of the same transaction (and tests,
    whose transactions never commit).
    """
    if not tags:
        return
    collecting = _batched.get()
    if collecting is not None:
        collecting.update(tags)
        return
    record(tags)
    if transaction.get_connection().in_atomic_block:
        transaction.on_commit(lambda: record(tags))


def record(tags):
    now = time.time()
    cache().set_many({_key(tag): now for tag in tags} | {CLOCK_KEY: now}, None)


def _key(tag):
    return f"tags:{tag}"


class TagTimes:
    """When each tag was last bumped, as this worker last read it."""

    def __init__(self):
        self.clock = None
        self.times = {}

    def current(self, request):
        clock = getattr(request, "cache_clock", None)
        if clock is None:
            clock = cache().get(CLOCK_KEY)
            if clock is None:  # never set, or evicted: start a new one
                cache().add(CLOCK_KEY, time.time(), None)
                clock = cache().get(CLOCK_KEY)
            request.cache_clock = clock
        if clock != self.clock:
            self.clock, self.times = clock, {}
        return self

    def latest(self, tags):
        missing = [tag for tag in tags if tag not in self.times]
        if missing:
            stored = cache().get_many([_key(tag) for tag in missing])
            now = time.time()
            for tag in missing:
                known = stored.get(_key(tag))
                if known is None:
                    # Evicted: trust nothing stored before now.
                    cache().add(_key(tag), now, None)
                    known = cache().get(_key(tag), now)
                self.times[tag] = known
        return max((self.times[tag] for tag in tags), default=0.0)


WORKER_TAG_TIMES = TagTimes()


def register(tags, started):
    """Give the tags first seen with a new entry a time before it started.

    Without one, the entry's next reader would count them as bumped just now
    and render the page again.
    """
    stored = cache().get_many([_key(tag) for tag in tags])
    for tag in tags:
        if _key(tag) not in stored:
            cache().add(_key(tag), started - 1, None)


def is_fresh(request, tags, started):
    """Whether an entry with ``tags``, started at ``started``, is still right."""
    latest = WORKER_TAG_TIMES.current(request).latest(tags)
    return latest + settings.PAGE_CACHE_CLOCK_MARGIN < started
