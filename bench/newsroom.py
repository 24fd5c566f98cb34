"""A newsroom's day, compressed: readers read while an editor publishes.

``python -m bench.newsroom`` (inside a site built by bench.content_site)
requests ``--requests`` article pages through the page cache, picked on a
Zipf distribution (s = 1.1: a few articles are read far more than the rest),
while an editor publishes a new article every ``requests / publishes``
requests: with the defaults, one a minute of a newsroom's hour, 60 in all.
It prints one line of JSON: the share of requests the page cache answered,

- ``global``: as when any publish made every stored page stale (one
  generation for the whole cache);
- ``targeted``: with cache tags, where a publish drops only what shows the
  new article (``core.cache_tags``): article pages stay, and the part of
  them that lists related articles (``core.includes``) is rendered again
  when a publish on one of their topics changes it (``parts_rendered``,
  warm-up included).

Both runs start from a warm cache (every article read once, not counted),
so the figure is the steady state a busy site lives in, not its first
minutes. The cache is one process's memory, large enough for every page, so
the figure measures the invalidation, not the cache's size. Each run
publishes its own articles, then deletes them.
"""

import argparse
import itertools
import json
import random
from unittest import mock

import django


def zipf_picker(items, s, seed):
    rng = random.Random(seed)
    weights = list(
        itertools.accumulate(1 / rank**s for rank in range(1, len(items) + 1))
    )
    shuffled = list(items)
    rng.shuffle(shuffled)
    return lambda: rng.choices(shuffled, cum_weights=weights)[0]


def run(mode, urls, args):
    from django.test import Client
    from wagtail.signals import page_published

    from articles.models import ArticleIndexPage, Topic
    from core import cache_tags
    from core.includes import IncludeMiddleware
    from testing.pages import make_article

    def drop_everything(**kwargs):
        cache_tags.bump(cache_tags.SITE)

    cache_tags.cache().clear()
    client = Client()
    for url in urls:  # warm: every article read once
        client.get(url)
    if mode == "global":
        page_published.connect(drop_everything, dispatch_uid="bench_global")
    sections = list(ArticleIndexPage.objects.all())
    topics = list(Topic.objects.all())
    rng = random.Random(args.seed)
    pick = zipf_picker(urls, args.s, args.seed)
    every = max(1, args.requests // args.publishes)
    hits = published = 0
    made = []
    parts = mock.patch.object(
        IncludeMiddleware, "render", wraps=IncludeMiddleware.render
    )
    try:
        rendered = parts.start()
        for n in range(args.requests):
            if n and n % every == 0 and published < args.publishes:
                made.append(
                    make_article(
                        rng.choice(sections),
                        title=f"Newsroom {mode} {published}",
                        topics=rng.sample(topics, 2),
                    )
                )
                published += 1
            response = client.get(pick())
            hits += response.get("X-Page-Cache") == "hit"
    finally:
        parts.stop()
        page_published.disconnect(dispatch_uid="bench_global")
        for article in made:
            article.delete()
    return {
        "hit_rate": hits / args.requests,
        "publishes": published,
        "parts_rendered": rendered.call_count,
    }


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--requests", type=int, default=10_000)
    parser.add_argument("--publishes", type=int, default=60)
    parser.add_argument("--s", type=float, default=1.1)
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args(argv)
    django.setup()
    from django.conf import settings
    from django.test.utils import override_settings

    from articles.models import ArticlePage

    urls = [page.url for page in ArticlePage.objects.live().order_by("pk")]
    # One process: a memory cache large enough for every page, so the figure
    # is the invalidation's alone, not the cache's size.
    pages = {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "bench-newsroom",
        "OPTIONS": {"MAX_ENTRIES": 1_000_000},
    }
    with override_settings(
        CACHES={**settings.CACHES, "pages": pages},
        PAGE_CACHE_ENABLED=True,
        ROUTE_CACHE_ENABLED=True,
        FRAGMENT_CACHE_ENABLED=True,
        ALLOWED_HOSTS=["*"],
    ):
        results = {mode: run(mode, urls, args) for mode in ("global", "targeted")}
    print(json.dumps({**results, "requests": args.requests, "articles": len(urls)}))


if __name__ == "__main__":
    main()
