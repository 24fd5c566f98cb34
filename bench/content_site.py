"""A site of many articles, built in bulk for the content-scale benchmark.

``python -m bench.content_site --articles 100000`` (inside a site's
environment, as bench/server.py makes one) adds articles to the demo site
until it holds that many, spread over several sections and 200 topics
(``testing.bulk``), with a few votes each, then refreshes the database's
statistics as an import would.
"""

import argparse
import time

import django


def article_rows():
    """(pk, title, url_path) of every live article, for the votes."""
    from articles.models import ArticlePage

    return list(
        ArticlePage.objects.live().order_by("pk").values_list("pk", "title", "url_path")
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--articles", type=int, required=True)
    parser.add_argument("--topics", type=int, default=200)
    parser.add_argument(
        "--votes-per-article",
        type=int,
        default=3,
        help="votes in all: this many times the number of articles",
    )
    args = parser.parse_args(argv)
    django.setup()
    from bench.data import add_votes, progress
    from core import database_statistics
    from testing.bulk import add_articles

    started = time.monotonic()
    added = add_articles(
        args.articles,
        args.topics,
        progress=lambda done, total: progress("articles", done, total, started),
    )
    articles = article_rows()
    add_votes(args.votes_per_article * len(articles), articles)
    database_statistics.refresh()
    print(
        f"  {len(articles):,} articles ({added:,} added) "
        f"in {time.monotonic() - started:.0f} s"
    )


if __name__ == "__main__":
    main()
