"""Many published articles at once, for the content-scale benchmark and tests.

Saving 100,000 pages one by one through Wagtail takes hours (each save moves
the tree, writes a revision and indexes the page). ``add_articles`` writes
the same rows in bulk instead: each batch of pages gets its tree paths worked
out here (treebeard's materialised path: the parent's path and a
four-character step per level), the ``wagtailcore_page`` rows go in with
``bulk_create``, the article rows with one ``executemany`` (Django cannot
bulk-create a model with a parent table), and the search index is filled
through the search backend's own ``add_bulk``. The pages are live,
published over the last five years, with no revisions: what readers and the
admin's listings see. Their text comes from ``testing.corpus``.
"""

import datetime

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import F
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from articles.models import ArticleIndexPage, ArticlePage, Contributor, Topic
from home.models import HomePage
from testing import corpus

SECTIONS = ("Articles", "Conditions", "Living well", "Medicines", "Tests")
BATCH = 2000
SEARCH_CHUNK = 500
STEP_ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
STEP_LENGTH = 4


def step(number):
    """Treebeard's step for the ``number``-th child (1-based), base 36."""
    digits = ""
    while number:
        number, remainder = divmod(number, len(STEP_ALPHABET))
        digits = STEP_ALPHABET[remainder] + digits
    return digits.rjust(STEP_LENGTH, "0")


def ensure_sections():

    home = HomePage.objects.get()
    sections = []
    for title in SECTIONS:
        section = ArticleIndexPage.objects.filter(title=title).first()
        if section is None:
            section = ArticleIndexPage(title=title, slug=slugify(title))
            home.add_child(instance=section)
            section.save_revision().publish()
        sections.append(section)
    return sections


def ensure_topics(count):

    have = set(Topic.objects.values_list("slug", flat=True))
    Topic.objects.bulk_create(
        Topic(name=name, slug=slug, description=description)
        for name, slug, description in corpus.topics(count)
        if slug not in have
    )
    by_slug = dict(Topic.objects.values_list("slug", "pk"))
    return [by_slug[slug] for _, slug, _ in corpus.topics(count)]


def ensure_contributors(count=20):

    have = Contributor.objects.filter(name__startswith="Bench clinician").count()
    Contributor.objects.bulk_create(
        Contributor(name=f"Bench clinician {n}", role="GP") for n in range(have, count)
    )
    return list(
        Contributor.objects.filter(name__startswith="Bench clinician").values_list(
            "pk", flat=True
        )
    )


def add_articles(target, topic_count=200, progress=None):
    """Add articles until the site holds ``target``; return how many were added.

    ``progress(done, total)`` is called after each batch, if given.
    """

    have = ArticlePage.objects.count()
    if have >= target:
        return 0
    sections = ensure_sections()
    topic_ids = ensure_topics(topic_count)
    contributors = ensure_contributors()
    for first in range(have, target, BATCH):
        last = min(first + BATCH, target)
        add_batch(range(first, last), sections, topic_ids, contributors)
        if progress:
            progress(last - have, target - have)
    return target - have


def add_batch(numbers, sections, topic_ids, contributors):

    content_type = ContentType.objects.get_for_model(ArticlePage)
    now = timezone.now()
    today = timezone.localdate()
    with transaction.atomic():
        pages, rows, links = [], [], []
        children, added = {}, {}
        for n in numbers:
            section = sections[n % len(sections)]
            if section.pk not in children:
                last = (
                    Page.objects.filter(
                        path__startswith=section.path, depth=section.depth + 1
                    )
                    .order_by("-path")
                    .values_list("path", flat=True)
                    .first()
                )
                children[section.pk] = int(last[-STEP_LENGTH:], 36) if last else 0
                added[section.pk] = 0
            children[section.pk] += 1
            added[section.pk] += 1
            text = corpus.article(n, len(topic_ids))
            published = now - datetime.timedelta(minutes=n * 7 % (5 * 365 * 1440))
            pages.append(
                Page(
                    title=text.title,
                    draft_title=text.title,
                    slug=text.slug,
                    content_type=content_type,
                    path=section.path + step(children[section.pk]),
                    depth=section.depth + 1,
                    numchild=0,
                    url_path=f"{section.url_path}{text.slug}/",
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=published,
                    last_published_at=published,
                    locale_id=section.locale_id,
                )
            )
            reviewed = n % 10 < 7
            rows.append((text, reviewed, contributors[n % len(contributors)]))
        Page.objects.bulk_create(pages)
        for section_pk, count in added.items():
            Page.objects.filter(pk=section_pk).update(numchild=F("numchild") + count)
        insert_article_rows(ArticlePage, pages, rows, today)
        for page, (text, _, _) in zip(pages, rows, strict=True):
            links.extend(
                ArticlePage.topics.through(
                    articlepage_id=page.pk, topic_id=topic_ids[number]
                )
                for number in text.topic_numbers
            )
        ArticlePage.topics.through.objects.bulk_create(links)
        articles = ArticlePage.objects.filter(
            pk__in=[page.pk for page in pages]
        ).prefetch_related("topics")
        # PostgreSQL binds parameters on the server (config.settings), which
        # takes at most 65,535 in one statement: the index's rows go in chunks.
        articles = list(articles)
        for start in range(0, len(articles), SEARCH_CHUNK):
            chunk = articles[start : start + SEARCH_CHUNK]
            get_search_backend().add_bulk(ArticlePage, chunk)


def insert_article_rows(model, pages, rows, today):
    """One ``executemany`` for the articles' own table (not the page's)."""
    fields = model._meta.local_concrete_fields
    columns = ", ".join(connection.ops.quote_name(field.column) for field in fields)
    marks = ", ".join(["%s"] * len(fields))
    table = connection.ops.quote_name(model._meta.db_table)
    body = model._meta.get_field("body")
    references = model._meta.get_field("references")
    params = []
    for page, (text, reviewed, contributor) in zip(pages, rows, strict=True):
        values = {
            "page_ptr": page.pk,
            "poll": None,
            "show_poll": True,
            "summary": text.summary,
            "hero_image": None,
            "body": body.get_db_prep_save(
                body.stream_block.normalize(text.body), connection
            ),
            "author": contributor,
            "reviewer": contributor if reviewed else None,
            "last_reviewed": today - datetime.timedelta(days=page.pk % 300)
            if reviewed
            else None,
            "next_review_due": today + datetime.timedelta(days=page.pk % 400 - 30),
            "references": references.get_db_prep_save(
                references.stream_block.normalize([]), connection
            ),
        }
        params.append(
            [
                field.get_db_prep_save(values[field.name], connection)
                if field.name not in ("body", "references")
                else values[field.name]
                for field in fields
            ]
        )
    with connection.cursor() as cursor:
        cursor.executemany(
            f"INSERT INTO {table} ({columns}) VALUES ({marks})",  # noqa: S608
            params,
        )
