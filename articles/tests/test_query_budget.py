"""Every page type renders in a fixed number of queries, however big it is.

Measured with the fragment and route caches off (as in every test), so this
is the cold render a cache miss pays. A warm-up request first fills Wagtail's
own per-site caches, which every real request after the first finds full.
"""

import pytest
from django.core.cache import cache
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText

from articles.models import Topic
from testing.pages import causes_block, make_article, make_index, site_root

# The most queries a cold render of each page type may use.
ARTICLE_BUDGET = 27  # the related part (its own view) reads its article again
INDEX_BUDGET = 17  # two of them list the footer's (public) general pages
HOME_BUDGET = 14  # two list the footer's general pages; two the newest articles


def image(n):
    return Image.objects.create(title=f"Image {n}", file=get_test_image_file())


def body_of(size):
    """``size`` blocks of every kind, images included."""
    kinds = [
        lambda n: ("paragraph", RichText(f"<p>Paragraph {n}.</p>")),
        lambda n: (
            "image",
            {"image": image(n), "alt_text": f"Picture {n}", "caption": ""},
        ),
        lambda n: causes_block([f"Cause {n}.{c}" for c in range(5)], f"Causes {n}"),
        lambda n: ("callout", {"level": "urgent", "text": RichText("<p>Go.</p>")}),
        lambda n: (
            "prevention",
            {"heading": f"Prevention {n}", "text": RichText("<p>Hm.</p>"), "tips": []},
        ),
    ]
    return [kinds[n % len(kinds)](n) for n in range(size)]


def references_of(size):
    return [
        ("reference", {"title": f"Source {n}", "url": f"https://example.org/{n}"})
        for n in range(size)
    ]


def queries_for(client, url):
    client.get(url)  # warm-up: renditions are generated once, ever
    cache.clear()  # ... but their cached URLs may have expired
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured.captured_queries)


@pytest.fixture
def section(db):
    return make_index(site_root())


@pytest.mark.parametrize("size", [3, 60])
def test_article_budget_does_not_grow_with_blocks_or_related_articles(
    client, section, size, django_assert_max_num_queries
):
    topics = [
        Topic.objects.create(name=f"Topic {n}", slug=f"topic-{n}") for n in range(3)
    ]
    article = make_article(
        section,
        title="The article",
        body=body_of(size),
        references=references_of(size),
        topics=topics,
    )
    for n in range(size):
        make_article(section, title=f"Related {n}", topics=topics[: 1 + n % 3])
    client.get(article.url)
    with django_assert_max_num_queries(ARTICLE_BUDGET):
        response = client.get(article.url)
    assert response.context["sections"][0].block.block_type == "paragraph"


def test_article_queries_are_the_same_for_3_and_60_blocks(client, section):
    small = make_article(section, title="Small", body=body_of(3))
    large = make_article(section, title="Large", body=body_of(60))
    assert queries_for(client, small.url) == queries_for(client, large.url)


@pytest.mark.parametrize("size", [5, 50])
def test_index_budget_does_not_grow_with_listed_articles(
    client, section, size, django_assert_max_num_queries
):
    topic = Topic.objects.create(name="Nerves", slug="nerves")
    for n in range(size):
        make_article(section, title=f"Article {n}", topics=[topic])
    for url in [section.url, f"{section.url}topics/nerves/", "/"]:
        client.get(url)
        budget = HOME_BUDGET if url == "/" else INDEX_BUDGET
        with django_assert_max_num_queries(budget):
            assert client.get(url).status_code == 200


def test_index_queries_are_the_same_for_5_and_50_articles(client, section):
    other = make_index(site_root(), title="Guides", slug="guides")
    for n in range(5):
        make_article(section, title=f"Short list {n}")
    for n in range(50):
        make_article(other, title=f"Long list {n}")
    assert queries_for(client, section.url) == queries_for(client, other.url)
