"""Remember where Wagtail's routing led, so a page read costs one query, not six.

Wagtail routes a URL by walking the tree one slug at a time, a query or two
per level. This middleware stores each successful route (the page's type
and id, and any sub-route arguments) with the cache tags of the page and its
ancestors (``core.cache_tags``), so the route is forgotten the moment the
page or an ancestor is published, moved or deleted. On the next request for
the same host and path it loads just that page and hands the route to
Wagtail's own ``serve`` view, which then runs exactly as usual (view
restrictions, hooks, serve()).

It also remembers whether the page or an ancestor has a view restriction
(privacy setting). For the usual public page it then hands Wagtail an empty
list of restrictions instead of letting its check ask the database again
(two queries). Changing a privacy setting bumps the restricted page's tags
(``core.signal_handlers``).

And it remembers the Wagtail site the route was found in, and hands it to
Wagtail the way Wagtail keeps it (``request._wagtail_site``), so
``Site.find_for_request`` (asked by the templates' ``{% wagtail_site %}``,
the site settings and the share cards) need not look it up again, a query
a request. Editing a site bumps every tag's common ``site`` tag.

Three private details of Wagtail 7.4 are used: ``request._wagtail_route_for_request``,
``request._wagtail_site`` and ``page.get_view_restrictions``.
``core/tests/test_route_cache.py`` fails if an upgrade changes any of them;
docs/architecture.md lists them with what they save.
"""

import hashlib
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from wagtail import views as wagtail_views
from wagtail.models import PageViewRestriction, Site
from wagtail.url_routing import RouteResult

from core import cache_tags, page_cache


@dataclass(frozen=True)
class StoredRoute:
    started: float
    tags: frozenset
    content_type_id: int
    page_id: int
    args: tuple
    kwargs: dict
    restricted: bool
    site: Site


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
            request._wagtail_site = stored.site
        return None

    @staticmethod
    def load(stored):
        model = ContentType.objects.get_for_id(stored.content_type_id).model_class()
        try:
            page = model.objects.get(pk=stored.page_id, live=True)
        except (AttributeError, model.DoesNotExist):
            return None
        if not stored.restricted:
            # Wagtail's privacy check iterates this; there is nothing to find.
            page.get_view_restrictions = PageViewRestriction.objects.none
        return RouteResult(page, args=stored.args, kwargs=stored.kwargs)

    @staticmethod
    def remember(request):
        route = getattr(request, "_wagtail_route_for_request", None)
        if route is None or route[0] is None:
            return
        page, args, kwargs = route
        restricted = page.get_view_restrictions().exists()
        site = Site.find_for_request(request)  # found while routing, not queried again
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
            restricted,
            site,
        )
        page_cache.cache().set(
            request._route_cache_key, stored, timeout=page_cache.timeout()
        )
