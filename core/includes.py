"""Parts of a page that change more often than the page, served by their own view.

A cached page is dropped when anything it shows changes (``core.cache_tags``).
Some parts change far more often than the rest: an article's related
articles change whenever an article is published on one of its topics. Such
a part is left out of the page as a signed marker (``{% include_view %}``,
``core/templatetags/include_tags.py``), and this middleware, placed in front
of the page cache, puts the part's own view's output in its place on every
response, cached or not. The page then stays cached through changes that
only touch the part, and the part is kept, and dropped, by its own tags.

As edge-side includes do in a CDN, but in the server: no JavaScript, and the
reader gets one complete page. Each worker keeps the parts it rendered and
the pages it put together, and checks their tags on every request, as the
page cache does, so a cached page with its parts costs hardly more than one
without.
"""

import copy
import re
from dataclasses import dataclass

from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, QueryDict
from django.urls import Resolver404, resolve

from core import cache_tags

SIGNER = signing.Signer(salt="core.includes")
MARKER = re.compile(rb"<!--include:([^>]*?)-->")
KEPT = 200  # pages and parts per worker


def marker(path):
    """The comment that stands for ``path``'s output until the response leaves."""
    return f"<!--include:{SIGNER.sign(path)}-->"


@dataclass(frozen=True)
class Part:
    started: float
    tags: frozenset
    html: bytes


class IncludeMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.parts = {}  # {path: Part}
        self.pages = {}  # {content with markers: (content with parts, parts used)}

    def __call__(self, request):
        response = self.get_response(request)
        if (
            response.streaming
            or not response.get("Content-Type", "").startswith("text/html")
            or b"<!--include:" not in response.content
        ):
            return response
        response.content = self.assemble(request, response.content)
        if response.has_header("Content-Length"):
            response["Content-Length"] = str(len(response.content))
        return response

    def assemble(self, request, content):
        kept = self.pages.get(content)
        if kept is not None and all(self.fresh(request, path) for path in kept[1]):
            return kept[0]
        paths = []

        def replace(found):
            path = self.path(found[1])
            if path is None:
                return b""
            paths.append(path)
            if not self.fresh(request, path):
                self.remember(self.parts, path, self.render(request, path))
            return self.parts[path].html

        assembled = MARKER.sub(replace, content)
        self.remember(self.pages, content, (assembled, paths))
        return assembled

    def fresh(self, request, path):
        part = self.parts.get(path)
        return part is not None and cache_tags.is_fresh(
            request, part.tags, part.started
        )

    @staticmethod
    def path(signed):
        try:
            return SIGNER.unsign(signed.decode())
        except signing.BadSignature:
            return None

    @staticmethod
    def render(request, path):
        """The output of the view at ``path``, or nothing if there is none."""
        part_request = copy.copy(request)
        part_request.META = {**request.META, "PATH_INFO": path, "QUERY_STRING": ""}
        part_request.path = part_request.path_info = path
        part_request.method = "GET"
        part_request.GET = QueryDict()
        part_request.cache_tags = {cache_tags.SITE}
        started = cache_tags.started_at(request)
        try:
            match = resolve(path)
            part_request.resolver_match = match
            response = match.func(part_request, *match.args, **match.kwargs)
        except (Resolver404, Http404, PermissionDenied):
            response = None
        if response is not None and hasattr(response, "render"):
            response.render()
        ok = response is not None and response.status_code == 200
        tags = cache_tags.of(part_request)
        cache_tags.register(tags, started)
        return Part(started, tags, response.content if ok else b"")

    @staticmethod
    def remember(kept, key, value):
        if len(kept) >= KEPT:
            kept.clear()  # simple and bounded; the busy pages return
        kept[key] = value
