"""A page cache for anonymous readers that is always right.

Readers without a session cookie get pages from the ``pages`` cache, keyed
on method, host, path and query. Anyone with a session cookie (editors,
logged-in users) and every preview goes straight to Wagtail, so they never
see a cached page and their pages are never stored.

Only responses that say ``Cache-Control: public`` are stored: Wagtail's page
view gets that header here when it renders for an anonymous reader without
setting a cookie, and other public views (sitemap, feed) opt in with
Django's ``cache_control`` decorator. A page showing a reader's own answer
says ``private`` and is never stored.

Each stored page keeps the cache tags of what it shows (``core.cache_tags``)
and when its request started; it is served while none of those tags has
been bumped since. Publishing an article so drops the pages that show it
and leaves the rest.

Each worker also keeps the last pages it served in memory, under the same
keys, so a hit need not read and unpickle the page from Redis or the file
cache again. Freshness is still checked against the shared tag times on
every request, so a change reaches every worker at once.
"""

import hashlib
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from core import cache_tags

CACHE_ALIAS = cache_tags.CACHE_ALIAS
HIT_HEADER = "X-Page-Cache"
STORED_STATUSES = (200,)
KEPT_IN_MEMORY = 100  # pages per worker, about 20 KB each


@dataclass(frozen=True)
class StoredPage:
    started: float
    tags: frozenset
    status: int
    headers: list
    content: bytes


def cache():
    """The cache holding pages, fragments and routes (Redis or a shared folder)."""
    return caches[CACHE_ALIAS]


def timeout():
    return settings.PAGE_CACHE_TIMEOUT


def is_enabled():
    return settings.PAGE_CACHE_ENABLED


def is_enabled_for_routes():
    return settings.ROUTE_CACHE_ENABLED


def purge():
    """Make every stored page, fragment and route stale (once this commits)."""
    cache_tags.bump(cache_tags.SITE)


def _key(request):
    address = f"{request.get_host()}{request.get_full_path()}"
    return f"page:{hashlib.sha256(address.encode()).hexdigest()}"


def _may_use_cache(request):
    return (
        is_enabled()
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class PageCacheMiddleware:
    """Serve and store public pages for anonymous readers.

    Place it right after WhiteNoise, before the session middleware: a cache
    hit then costs a cache lookup and nothing else.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.in_memory = {}  # {key: (monotonic time stored, stored page)}

    def __call__(self, request):
        if not _may_use_cache(request):
            return self.get_response(request)
        started = cache_tags.started_at(request)
        key = _key(request)
        stored = self.recall(key)
        if stored is not None and cache_tags.is_fresh(
            request, stored.tags, stored.started
        ):
            response = HttpResponse(stored.content, status=stored.status)
            for name, value in stored.headers:
                response[name] = value
            response[HIT_HEADER] = "hit"
            return response
        response = self.get_response(request)
        mark_public_page(request, response)
        if self.is_storable(response):
            self.keep(key, self.store(key, response, started, cache_tags.of(request)))
            response[HIT_HEADER] = "miss"
        return response

    def recall(self, key):
        kept = self.in_memory.get(key)
        if kept is not None and time.monotonic() - kept[0] < timeout():
            return kept[1]
        stored = cache().get(key)
        if isinstance(stored, StoredPage):
            self.keep(key, stored)
            return stored
        return None

    def keep(self, key, stored):
        if len(self.in_memory) >= KEPT_IN_MEMORY:
            self.in_memory.clear()  # simple and bounded; the busy pages return
        self.in_memory[key] = (time.monotonic(), stored)

    @staticmethod
    def is_storable(response):
        cache_control = response.get("Cache-Control", "")
        return (
            response.status_code in STORED_STATUSES
            and "public" in cache_control
            and "private" not in cache_control
            and "no-store" not in cache_control
            and not response.cookies
            and not response.streaming
            and "Cookie" not in response.get("Vary", "")
        )

    @staticmethod
    def store(key, response, started, tags):
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("set-cookie", "date")
        ]
        status = response.status_code
        stored = StoredPage(started, tags, status, headers, response.content)
        cache_tags.register(tags, started)
        cache().set(key, stored, timeout=timeout())
        return stored


def mark_public_page(request, response):
    """Let browsers and CDNs keep Wagtail pages for anonymous readers briefly."""
    match = getattr(request, "resolver_match", None)
    if (
        match is not None
        and match.url_name == "wagtail_serve"
        and response.status_code in STORED_STATUSES
        and not response.cookies
        and not getattr(request, "is_preview", False)
        and "Cache-Control" not in response
    ):
        _drop_vary_cookie(response)
        patch_cache_control(response, public=True, max_age=settings.PAGE_MAX_AGE)


def _drop_vary_cookie(response):
    """Pages read no per-reader state; Vary: Cookie only comes from the user bar
    checking whether someone is logged in, which a reader without a session
    cookie never is."""
    vary = [v.strip() for v in response.get("Vary", "").split(",") if v.strip()]
    kept = [v for v in vary if v.lower() != "cookie"]
    if kept:
        response["Vary"] = ", ".join(kept)
    elif "Vary" in response:
        del response["Vary"]
