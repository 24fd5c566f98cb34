"""Time the pages whose cost could grow with the number of articles.

``python -m bench.content_pages`` (inside a site built by bench.content_site)
requests each page in process with the page, route and fragment caches off,
and prints one line of JSON: per page, the median wall time of ``--repeat``
requests (after one to warm up) and the number of queries a request makes.
bench/content_scale.py runs it at 1,000 and at 100,000 articles and prints
the ratios.
"""

import argparse
import json
import statistics
import time

import django

# The deep index page: page 500, or the section's last page if it has fewer
# (rows keep one name at every size, so the sizes can be compared).
DEEP_PAGE = 500


def page_list():
    """(name, path, needs login) for every page measured."""
    from django.contrib.auth import get_user_model
    from django.urls import reverse

    from articles.models import ArticleIndexPage, ArticlePage, Topic
    from testing import corpus

    section = ArticleIndexPage.objects.get(slug="articles")
    count = section.get_articles().count()
    last = max(1, -(-count // section.articles_per_page))
    deep = min(DEEP_PAGE, last)
    topic = Topic.objects.filter(articles__isnull=False).order_by("pk").first()
    article = ArticlePage.objects.live().child_of(section).order_by("pk").last()
    search = reverse("articles:search")
    get_user_model()  # the admin rows log in as a superuser
    return [
        ("home", "/", False),
        ("index, page 1", section.url, False),
        ("index, deep page", f"{section.url}?page={deep}", False),
        ("topic page", section.topic_url(topic), False),
        ("article", article.url, False),
        ("feed", "/feed/", False),
        ("sitemap index", "/sitemap.xml", False),
        ("sitemap file", "/sitemap-articles-1.xml", False),
        ("search, common word", f"{search}?q={corpus.COMMON_WORD}", False),
        ("search, rare word", f"{search}?q={corpus.RARE_WORD}", False),
        ("search, typo", f"{search}?q={corpus.TYPO}", False),
        ("api listing", "/api/v2/articles/", False),
        ("admin: articles explorer", f"/admin/pages/{section.pk}/", True),
        ("admin: reviews due", reverse("articles_admin:reviews_due"), True),
        ("admin: article helpfulness", reverse("polls_admin:helpfulness"), True),
        ("admin: needs attention", reverse("polls_admin:attention"), True),
    ]


def measure(client, path, repeat):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    response = client.get(path)
    if response.status_code != 200:
        raise RuntimeError(f"{path} answered {response.status_code}")
    times = []
    for _ in range(repeat):
        with CaptureQueriesContext(connection) as queries:
            started = time.perf_counter()
            response = client.get(path)
            if hasattr(response, "streaming_content"):
                b"".join(response.streaming_content)
            times.append((time.perf_counter() - started) * 1000)
    return {"ms": statistics.median(times), "queries": len(queries)}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--repeat", type=int, default=7)
    parser.add_argument("--only", help="measure only pages whose name has this")
    args = parser.parse_args(argv)
    django.setup()
    from django.contrib.auth import get_user_model
    from django.test import Client, override_settings

    user, _ = get_user_model().objects.get_or_create(
        username="bench-admin",
        defaults={"is_superuser": True, "is_staff": True, "first_name": "Bench"},
    )
    reader, editor = Client(), Client()
    editor.force_login(user)
    results = {}
    with override_settings(
        PAGE_CACHE_ENABLED=False,
        ROUTE_CACHE_ENABLED=False,
        FRAGMENT_CACHE_ENABLED=False,
        ALLOWED_HOSTS=["*"],
    ):
        for name, path, admin in page_list():
            if args.only and args.only not in name:
                continue
            results[name] = {
                "path": path,
                **measure(editor if admin else reader, path, args.repeat),
            }
    print(json.dumps(results))


if __name__ == "__main__":
    main()
