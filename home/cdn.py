"""Purge a CDN in front of the site when pages change.

Wagtail's frontend cache app (configured by FRONTEND_CACHE, see settings)
already purges a page's own URLs when it is published or unpublished. A
change to an article also changes the pages that list it, so this adds
those: its section (and the section's topic pages), the home page, the
sitemap and the feed. Without a configured backend nothing is sent.
"""

from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch


def listing_urls(page):
    """Absolute URLs of the pages that list ``page``."""
    site = page.get_site()
    if site is None:
        return []
    root = site.root_url
    return [root + "/", root + reverse("sitemap"), root + reverse("articles:feed")]


def purge_listings(page, *, parent=None):
    """Purge the pages that list ``page`` (and ``page`` itself, if it moved)."""
    batch = PurgeBatch()
    parent = parent or page.get_parent()
    if parent is not None:
        batch.add_page(parent.specific)
    batch.add_urls(listing_urls(page))
    batch.purge()
