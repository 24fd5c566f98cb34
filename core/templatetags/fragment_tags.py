"""``{% page_fragment %}``: cache a part of a page until anything on it changes.

    {% page_fragment "body" %} ... {% endpage_fragment %}

The key is the fragment's name, the request's host and full path (so query
strings such as ``?page=2`` get their own copy), the
page's id and live revision, and the page cache's generation, which every
publish and every edit of something pages show replaces (see
``core.page_cache``). So a fragment is never staler than the page cache.
Previews are never cached: they render unsaved content, and neither are
pages that are the reader's own (``core.registry.keep_private``).
"""

import hashlib

from django import template
from django.conf import settings

from core import page_cache, registry

register = template.Library()


class PageFragmentNode(template.Node):
    def __init__(self, name, nodelist):
        self.name, self.nodelist = name, nodelist

    def render(self, context):
        request = context.get("request")
        if (
            request is None
            or getattr(request, "is_preview", False)
            or request.method not in ("GET", "HEAD")
            or not getattr(settings, "FRAGMENT_CACHE_ENABLED", True)
            or registry.is_private(request)
        ):
            return self.nodelist.render(context)
        key = self.key(request, context.get("page"))
        html = page_cache.cache().get(key)
        if html is None:
            html = self.nodelist.render(context)
            page_cache.cache().set(key, html, timeout=page_cache.timeout())
        return html

    def key(self, request, page):
        parts = [
            self.name.resolve({}),
            request.get_host(),
            request.get_full_path(),
            str(getattr(page, "pk", "")),
            str(getattr(page, "live_revision_id", "")),
        ]
        digest = hashlib.sha256("\n".join(parts).encode()).hexdigest()
        return f"fragment:{page_cache.generation(request)}:{digest}"


@register.tag
def page_fragment(parser, token):
    bits = token.split_contents()
    if len(bits) != 2:
        raise template.TemplateSyntaxError('usage: {% page_fragment "name" %}')
    nodelist = parser.parse(("endpage_fragment",))
    parser.delete_first_token()
    return PageFragmentNode(parser.compile_filter(bits[1]), nodelist)
