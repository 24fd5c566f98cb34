"""Where, and for how long, Wagtail's ``{% wagtailpagecache %}`` keeps a page's parts.

``templates/base_page.html`` caches the head and the body of every Wagtail
page with it:

    {% fragment_cache as fragments %}
    {% wagtailpagecache fragments.timeout "body" fragments.generation
       request.get_host request.get_full_path using=fragments.alias %}
    … {% endwagtailpagecache %}

Wagtail's tag keys the part on the page (its id, path and last publish) and
the site, and skips previews. The extra keys add the page cache's generation
token, which every publish and every edit of something pages show replaces
(``core.page_cache``), so a part is never staler than the page cache; and the
host and full path, so ``?page=2`` gets its own copy.

A request whose parts must not be shared gets the ``uncached`` alias, a dummy
cache that stores nothing: anything but GET and HEAD, a page that is the
reader's own (``core.registry.keep_private``), or FRAGMENT_CACHE_ENABLED off.
"""

from dataclasses import dataclass

from django import template
from django.conf import settings

from core import page_cache, registry

register = template.Library()

UNCACHED = "uncached"


@dataclass(frozen=True)
class FragmentCache:
    alias: str
    timeout: int = 0
    generation: str = ""


@register.simple_tag(takes_context=True)
def fragment_cache(context):
    request = context["request"]
    if (
        request.method not in ("GET", "HEAD")
        or not settings.FRAGMENT_CACHE_ENABLED
        or registry.is_private(request)
    ):
        return FragmentCache(UNCACHED)
    return FragmentCache(
        page_cache.CACHE_ALIAS, page_cache.timeout(), page_cache.generation(request)
    )
