"""Benchmark data: many articles and many votes, written in bulk, with progress.

Run inside the benchmark's throwaway site:
``python -m bench.data --articles 1000 --votes 1000000``. Votes are bulk
inserted (one per reader and article, spread over the last 90 days) and the
report counters rebuilt from them, which is what the services would have
kept had each vote come through the endpoint.
"""

import argparse
import datetime
import random
import sys
import time

import django


def progress(label, done, total, started):
    rate = done / max(time.monotonic() - started, 1e-9)
    sys.stdout.write(f"\r  {label}: {done:,}/{total:,} ({rate:,.0f}/s)   ")
    if done >= total:
        sys.stdout.write("\n")
    sys.stdout.flush()


def ensure_articles(count):
    from articles.models import ArticleIndexPage, ArticlePage

    index = ArticleIndexPage.objects.get(slug="articles")
    existing = ArticlePage.objects.child_of(index).filter(title__startswith="Bench ")
    have = existing.count()
    started = time.monotonic()
    for n in range(have, count):
        page = ArticlePage(
            title=f"Bench article {n:04d}",
            slug=f"bench-article-{n:04d}",
            summary="A generated article for the benchmark.",
            body=[("paragraph", "<p>Generated for the benchmark.</p>")],
            live=False,
        )
        index.add_child(instance=page)
        page.save_revision().publish()
        if (n + 1) % 50 == 0 or n + 1 == count:
            progress("articles", n + 1, count, started)
    return list(
        ArticlePage.objects.child_of(index)
        .filter(title__startswith="Bench ")
        .values_list("pk", "title", "url_path")
    )


def add_votes(target, articles, days=90, seed=2026):
    from django.utils import timezone

    from polls import tally
    from polls.models import Poll, Response

    poll = Poll.objects.get(question="Was this article helpful?")
    yes, no = list(poll.choices.order_by("sort_order"))[:2]
    have = Response.objects.filter(reader_key__startswith="bench-").count()
    rng = random.Random(seed + have)
    now = timezone.now()
    started = time.monotonic()
    batch, batch_size = [], 10_000
    for n in range(have, target):
        page_id, title, _ = articles[n % len(articles)]
        # Each article has its own share of helpful answers, so rankings differ.
        helpful = rng.random() < 0.35 + 0.6 * ((page_id * 7919) % 100) / 100
        when = now - datetime.timedelta(seconds=rng.randrange(days * 86400))
        batch.append(
            Response(
                poll=poll,
                choice=yes if helpful else no,
                page_id=page_id,
                page_title=title,
                page_url="",
                reader_key=f"bench-{n:012d}",
                created_at=when,
                updated_at=when,
            )
        )
        if len(batch) == batch_size or n + 1 == target:
            Response.objects.bulk_create(batch)
            batch = []
            progress("votes", n + 1, target, started)
    print(f"  counters: {tally.rebuild():,} rows rebuilt")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--votes", type=int, default=1000)
    args = parser.parse_args(argv)
    django.setup()
    articles = ensure_articles(args.articles)
    add_votes(args.votes, articles)


if __name__ == "__main__":
    main()
