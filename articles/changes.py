"""What publishing, unpublishing, moving or deleting an article changes.

Computed once per change, for the two caches in front of readers:

- the cache tags to bump (``articles.cache_tags``): the newest articles,
  the ``filed`` tag of each of its topics (their pages and the related lists
  chosen from them) and, when a topic gains its first published article or
  loses its last, the topic list. Core bumps the article's own tag, its
  section's and the sitemaps' (``core.signal_handlers``);
- the addresses a CDN must forget, when one is configured (Wagtail's
  frontend cache; without one, nothing is counted): every page of its
  section's listing and of its topics' pages in that section, the home page,
  the feed, the sitemap index and the files that hold it, and the API's
  listing (page by page) and record. Wagtail's
  own frontend cache app purges the article's own address.

A CDN keeps pages for ``PAGE_MAX_AGE`` seconds (60) at most, so the related
lists of other articles, which are not purged there, catch up within a
minute; the server's cache drops them at once.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.urls import reverse
from wagtail.contrib.frontend_cache.utils import PurgeBatch

from articles import cache_tags as article_tags
from articles.models import ArticlePage
from articles.sitemaps import article_file_number
from core import cache_tags

# Wagtail's API pages its listings by ``offset``, 20 at a time unless
# WAGTAILAPI_LIMIT_MAX is lower (wagtail.api.v2.pagination).
API_DEFAULT_LIMIT = 20


@dataclass(frozen=True)
class Change:
    tags: frozenset
    urls: tuple


def article_changed(article, *, parents=None):
    """The change made by publishing (etc.) ``article``, under ``parents``.

    ``parents`` are the sections that list it before and after (a move has
    two); by default its current parent.
    """
    topics = list(article.topics.all())
    tags = {article_tags.NEWEST, *(article_tags.filed(topic.pk) for topic in topics)}
    moved = parents is not None  # still published: the topic list stands
    if not moved and any(first_or_last_published(article, t) for t in topics):
        tags.add(article_tags.TOPIC_LIST)
    site = article.get_site()
    urls = []
    if site is not None and settings.WAGTAILFRONTENDCACHE:
        root = site.root_url
        sections = parents or [article.get_parent()]
        for section in sections:
            section = section.specific
            for path in section.get_cached_paths(topics):
                urls.append(section.get_full_url() + path.lstrip("/"))
        urls += [root + path for path in site_paths(article, site)]
    return Change(frozenset(tags), tuple(urls))


def first_or_last_published(article, topic):
    """Whether ``article`` is (or was) the only published article of ``topic``."""
    others = ArticlePage.objects.live().filter(topics=topic).exclude(pk=article.pk)
    return not others.exists()


def site_paths(article, site):
    """The home page, feed, sitemaps and API pages that may list ``article``."""
    listing = reverse("wagtailapi:articles:listing")
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", API_DEFAULT_LIMIT)
    limit = min(API_DEFAULT_LIMIT, limit_max or API_DEFAULT_LIMIT)
    count = ArticlePage.objects.live().public().count()
    offsets = range(limit, (count // limit + 1) * limit, limit)
    return [
        "/",
        reverse("articles:feed"),
        reverse("sitemap"),
        reverse("sitemap_pages"),
        reverse("sitemap_articles", args=[article_file_number(article.pk)]),
        listing,
        *(f"{listing}?offset={offset}" for offset in offsets),
        reverse("wagtailapi:articles:detail", args=[article.pk]),
    ]


def apply(change):
    """Bump the tags and purge a CDN (if one is set) once the change commits."""
    cache_tags.bump(*change.tags)
    if change.urls:
        transaction.on_commit(lambda: purge(change.urls))


def purge(urls):
    batch = PurgeBatch()
    batch.add_urls(urls)
    batch.purge()
