"""Remember where Wagtail's routing led, so a page read skips the tree walk.

Wagtail routes a URL by walking the tree one slug at a time, a query or two
per level. This middleware stores each successful route (the page's type
and id, and any sub-route arguments) with the cache tags of the page and its
ancestors (``core.cache_tags``), so the route is forgotten the moment the
page or an ancestor is published, moved or deleted. On the next request for
the same host and path it loads just that page and hands the route to
Wagtail's own ``serve`` view, which then runs exactly as usual (view
restrictions, hooks, ``serve()``). The ids of the view restrictions that
apply are kept with the route, so checking them asks no query when there
are none (``core.view_restrictions``).

It hands the route over where Wagtail keeps the route it found for a request
(``request._wagtail_route_for_request``, named in the docstring of
``Page.find_for_request``), the one framework detail the site relies on
here: without it an uncached article (fragments cached, page cache off)
takes several times as long (docs/performance.md). ``core/tests/
test_route_cache.py`` fails if an upgrade changes how Wagtail reads it.
"""

import hashlib
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail import views as wagtail_views
from wagtail.url_routing import RouteResult

from core import cache_tags, page_cache
from core.view_restrictions import restriction_ids


@dataclass(frozen=True)
class StoredRoute:
    started: float
    tags: frozenset
    content_type_id: int
    page_id: int
    args: tuple
    kwargs: dict
    # The view restrictions that apply to the page (core.view_restrictions).
    restrictions: tuple | None = None


def _key(request):
    address = f"{request.get_host()}{request.path}"
    return f"route:{hashlib.sha256(address.encode()).hexdigest()}"


class RouteCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if getattr(request, "_route_cache_key", None):
            self.remember(request)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        if (
            view_func is not wagtail_views.serve
            or request.method not in ("GET", "HEAD")
            or not page_cache.is_enabled_for_routes()
        ):
            return None
        key = _key(request)
        stored = page_cache.cache().get(key)
        route = None
        if isinstance(stored, StoredRoute) and cache_tags.is_fresh(
            request, stored.tags, stored.started
        ):
            route = self.load(stored)
        if route is None:
            request._route_cache_key = key  # remember Wagtail's answer
            cache_tags.started_at(request)
        else:
            request._wagtail_route_for_request = route
        return None

    @staticmethod
    def load(stored):
        model = ContentType.objects.get_for_id(stored.content_type_id).model_class()
        try:
            page = model.objects.get(pk=stored.page_id, live=True)
        except (AttributeError, model.DoesNotExist):
            return None
        page.remembered_view_restrictions = stored.restrictions
        return RouteResult(page, args=stored.args, kwargs=stored.kwargs)

    @staticmethod
    def remember(request):
        route = getattr(request, "_wagtail_route_for_request", None)
        if route is None or route[0] is None:
            return
        page, args, kwargs = route
        started = cache_tags.started_at(request)
        tags = frozenset({cache_tags.SITE, *cache_tags.for_page(page)})
        cache_tags.register(tags, started)
        stored = StoredRoute(
            started,
            tags,
            page.content_type_id,
            page.pk,
            tuple(args),
            dict(kwargs),
            restriction_ids(page),
        )
        page_cache.cache().set(
            request._route_cache_key, stored, timeout=page_cache.timeout()
        )
