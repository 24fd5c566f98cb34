"""A page cache for anonymous readers that is always right.

Readers without a session cookie get pages from the ``pages`` cache, keyed
on method, host, path and query. Anyone with a session cookie (editors,
logged-in users) and every preview goes straight to Wagtail, so they never
see a cached page and their pages are never stored.

Only responses that say ``Cache-Control: public`` are stored: Wagtail's page
view gets that header here when it renders for an anonymous reader without
setting a cookie, and other public views (sitemap, feed) opt in with
Django's ``cache_control`` decorator.

Purging is by generation: every key includes a token kept in the same
cache, and ``purge()`` replaces the token, so one write invalidates every
stored page in every worker at once (with Redis or the file cache; a
per-process memory cache is only for a single process). Publishing,
unpublishing, moving or deleting a page, and editing anything pages show,
purges (see ``core.signal_handlers``).

Each worker also keeps the last pages it served in memory, under the same
keys, so a hit need not read and unpickle the page from Redis or the file
cache again. The generation token is still read from the shared cache on
every request, so a purge reaches every worker at once.
"""

import hashlib
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.utils.cache import patch_cache_control

from core import registry

CACHE_ALIAS = "pages"
GENERATION_KEY = "page-cache:generation"
HIT_HEADER = "X-Page-Cache"
STORED_STATUSES = (200,)
KEPT_IN_MEMORY = 100  # pages per worker, about 20 KB each


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
    """Make every stored page stale at once."""
    cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def generation(request=None):
    """The current purge token, read once per request."""
    if request is not None:
        if not hasattr(request, "_page_cache_generation"):
            request._page_cache_generation = generation()
        return request._page_cache_generation
    pages = cache()
    token = pages.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        if not pages.add(GENERATION_KEY, token, timeout=None):
            token = pages.get(GENERATION_KEY) or token
    return token


def _key(request):
    address = f"{request.get_host()}{request.get_full_path()}"
    digest = hashlib.sha256(address.encode()).hexdigest()
    return f"page:{generation(request)}:{digest}"


def _may_use_cache(request):
    return (
        is_enabled()
        and request.method in ("GET", "HEAD")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
        # A page showing the reader's own poll answer is theirs alone.
        and not registry.is_private(request)
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
        key = _key(request)
        stored = self.recall(key)
        if stored is not None:
            status, headers, content = stored
            response = HttpResponse(content, status=status)
            for name, value in headers:
                response[name] = value
            response[HIT_HEADER] = "hit"
            return response
        response = self.get_response(request)
        mark_public_page(request, response)
        if self.is_storable(response):
            self.keep(key, self.store(key, response))
            response[HIT_HEADER] = "miss"
        return response

    def recall(self, key):
        kept = self.in_memory.get(key)
        if kept is not None and time.monotonic() - kept[0] < timeout():
            return kept[1]
        stored = cache().get(key)
        if stored is not None:
            self.keep(key, stored)
        return stored

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
    def store(key, response):
        headers = [
            (name, value)
            for name, value in response.items()
            if name.lower() not in ("set-cookie", "date")
        ]
        stored = (response.status_code, headers, response.content)
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
