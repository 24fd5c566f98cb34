"""``{% cached_fragment %}``: a part of a page kept until what it shows changes.

``templates/base_page.html`` caches the head and the body of every Wagtail
page with it:

    {% cached_fragment "body" private=readers_own_page %} … {% endcached_fragment %}

A part is keyed on its name, the host and the full path (so ``?page=2`` gets
its own copy), and stored with the cache tags the request had collected once
it was rendered (``core.cache_tags``): the page's own, its ancestors', and
what its app added. It is served while none of those tags has been bumped
since its request started, and serving it adds its tags to the request, so
a page cached around it depends on the same changes.

Nothing is stored or served for anything but GET and HEAD, for previews,
for a page that is the reader's own (``private``, e.g. one showing their
poll answer), or with FRAGMENT_CACHE_ENABLED off.
"""

import hashlib
from dataclasses import dataclass

from django import template
from django.conf import settings
from django.utils.safestring import mark_safe

from core import cache_tags

register = template.Library()


@dataclass(frozen=True)
class StoredFragment:
    started: float
    tags: frozenset
    html: str


class CachedFragmentNode(template.Node):
    def __init__(self, nodelist, name, private):
        self.nodelist, self.name, self.private = nodelist, name, private

    def render(self, context):
        request = context.get("request")
        private = self.private.resolve(context) if self.private else False
        if not may_cache(request, private):
            return self.nodelist.render(context)
        key = fragment_key(request, self.name.resolve(context))
        stored = cache_tags.cache().get(key)
        if isinstance(stored, StoredFragment) and cache_tags.is_fresh(
            request, stored.tags, stored.started
        ):
            cache_tags.add(request, *stored.tags)
            return mark_safe(stored.html)  # noqa: S308 - rendered by this template
        started = cache_tags.started_at(request)
        html = self.nodelist.render(context)
        tags = cache_tags.of(request)
        cache_tags.register(tags, started)
        cache_tags.cache().set(
            key, StoredFragment(started, tags, str(html)), settings.PAGE_CACHE_TIMEOUT
        )
        return html


def may_cache(request, private):
    return (
        request is not None
        and settings.FRAGMENT_CACHE_ENABLED
        and request.method in ("GET", "HEAD")
        and not getattr(request, "is_preview", False)
        and not private
    )


def fragment_key(request, name):
    address = f"{request.get_host()}{request.get_full_path()}"
    return f"fragment:{name}:{hashlib.sha256(address.encode()).hexdigest()}"


@register.tag
def cached_fragment(parser, token):
    """``{% cached_fragment "name" [private=expression] %}``."""
    bits = token.split_contents()
    if len(bits) not in (2, 3) or (
        len(bits) == 3 and not bits[2].startswith("private=")
    ):
        raise template.TemplateSyntaxError(
            f'Usage: {{% {bits[0]} "name" [private=expression] %}}'
        )
    name = parser.compile_filter(bits[1])
    private = (
        parser.compile_filter(bits[2].removeprefix("private="))
        if len(bits) == 3
        else None
    )
    nodelist = parser.parse(("endcached_fragment",))
    parser.delete_first_token()
    return CachedFragmentNode(nodelist, name, private)
