"""Purge a CDN in front of the site when pages change.

Wagtail's frontend cache app (configured by FRONTEND_CACHE, see settings)
already purges a page's own URLs when it is published or unpublished. A
change to an article also changes the pages that list it, so this adds
those: every ``?page=N`` of its section and of the section's topic pages
(``ArticleIndexPage.get_cached_paths``), the home page, the sitemap, the
feed, and the API's listing (each page of it at the default limit) and the
article's own API record. Without a configured backend nothing is sent.
"""

from django.conf import settings
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from articles.models import ArticlePage

# Wagtail's API pages its listings by ``offset``, 20 at a time unless
# WAGTAILAPI_LIMIT_MAX is lower (wagtail.api.v2.pagination).
API_DEFAULT_LIMIT = 20


def listing_urls(page):
    """Absolute URLs of the pages that list ``page``, outside its section."""
    site = page.get_site()
    if site is None:
        return []
    root = site.root_url
    return [
        root + "/",
        root + reverse("sitemap"),
        root + reverse("articles:feed"),
        *(root + path for path in api_paths(page)),
    ]


def api_paths(page):
    """The API listing, page by page, and the article's own record."""
    listing = reverse("wagtailapi:articles:listing")
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", API_DEFAULT_LIMIT)
    limit = min(API_DEFAULT_LIMIT, limit_max or API_DEFAULT_LIMIT)
    count = ArticlePage.objects.live().public().count()
    offsets = range(limit, (count // limit + 1) * limit, limit)
    return [
        listing,
        *(f"{listing}?offset={offset}" for offset in offsets),
        reverse("wagtailapi:articles:detail", args=[page.pk]),
    ]


def purge_listings(page, *, parent=None):
    """Purge the pages that list ``page`` (and ``page`` itself, if it moved)."""
    batch = PurgeBatch()
    parent = parent or page.get_parent()
    if parent is not None:
        batch.add_page(parent.specific)
    batch.add_urls(listing_urls(page))
    batch.purge()
