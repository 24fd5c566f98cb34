"""Bounded, ranked lookups in Wagtail's database search index.

Wagtail's database backend ranks every match of a query before it returns
the first ten: on SQLite with a scoring subquery per match, so a word that
every article has costs time in proportion to the square of the number of
articles (docs/performance.md has the figures); on PostgreSQL it ranks
every match, and its typo search compares the query with every article's
whole text. A reader's
search must never tie up a worker, so the search box reads the backend's
index through this module instead, and never touches more than a fixed
number of index rows:

- ``best_matches`` takes the ``CANDIDATES`` most recently indexed matches,
  and as many whose title matches, and ranks only those (FTS5's ``bm25`` on
  SQLite, ``ts_rank`` on PostgreSQL). A rare word is ranked among all its
  matches; a common one among its newest, title matches first.
- ``texts_with_prefix`` gives the text of a few entries with a word that
  starts so, for "did you mean".

This is the one module that knows the index's tables: ``IndexEntry``
(``wagtail.search.models``) and, on SQLite, its FTS5 table, whose columns
are ``autocomplete, body, title``. tests/test_search_index.py fails if
Wagtail changes either. Any other search backend (OpenSearch,
Elasticsearch) ranks with its own engine: ``best_matches`` then asks it for
the first ``CANDIDATES`` results.
"""

from django.contrib.contenttypes.models import ContentType
from django.contrib.postgres.search import SearchQuery, SearchRank
from django.db import connection
from django.db.models import F, Q
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry

# Index rows a lookup reads at most, for the words and again for titles.
CANDIDATES = 200
# How much more a word in the title counts than one in the text.
TITLE_WEIGHT = 10.0


def is_database_index():
    return type(get_search_backend()).__module__.startswith(
        "modelsearch.backends.database"
    )


def best_matches(model, terms, *, prefix=False, limit=None):
    """``{object id: score}`` for objects of ``model`` with every one of ``terms``.

    ``prefix`` matches words that start with each term ("run" finds
    "running") in the fields the model indexes for autocomplete. Higher
    scores are better.
    """
    if not terms:
        return {}
    limit = limit or CANDIDATES
    if not is_database_index():
        return backend_matches(model, terms, prefix=prefix, limit=limit)
    content_type = ContentType.objects.get_for_model(model)
    if connection.vendor == "sqlite":
        return sqlite_matches(content_type.pk, terms, prefix=prefix, limit=limit)
    if connection.vendor == "postgresql":
        return postgres_matches(content_type, terms, prefix=prefix, limit=limit)
    return backend_matches(model, terms, prefix=prefix, limit=limit)


def backend_matches(model, terms, *, prefix, limit):
    """What the configured backend ranks first, for backends that rank well."""
    objects = model._default_manager.all()
    query = " ".join(terms)
    results = objects.autocomplete(query) if prefix else objects.search(query)
    ids = [found.pk for found in results[:limit]]
    return {pk: float(len(ids) - n) for n, pk in enumerate(ids)}


def fts_string(term, prefix=False):
    """One term as an FTS5 string: quoted, so no character is syntax."""
    quoted = '"' + term.replace('"', '""') + '"'
    return quoted + "*" if prefix else quoted


def sqlite_matches(content_type_id, terms, *, prefix, limit):
    words = " AND ".join(fts_string(term, prefix) for term in terms)
    if prefix:
        searches = [(f"autocomplete : ({words})", (1.0, 0.0, 0.0))]
    else:
        weights = (0.0, 1.0, TITLE_WEIGHT)
        searches = [
            (f"{{title body}} : ({words})", weights),
            (f"title : ({words})", weights),
        ]
    fts = connection.ops.quote_name(f"{IndexEntry._meta.db_table}_fts")
    entries = connection.ops.quote_name(IndexEntry._meta.db_table)
    # ORDER BY rowid DESC is the FTS index's own order, so SQLite stops after
    # ``limit`` matches and computes bm25 (lower is better) for those alone.
    sql = (
        f"SELECT e.object_id, bm25({fts}, %s, %s, %s) "  # noqa: S608
        f"FROM {fts} JOIN {entries} AS e ON e.id = {fts}.rowid "
        f"WHERE {fts} MATCH %s AND e.content_type_id = %s "
        f"ORDER BY {fts}.rowid DESC LIMIT %s"
    )
    scores = {}
    with connection.cursor() as cursor:
        for expression, weights in searches:
            cursor.execute(sql, [*weights, expression, content_type_id, limit])
            for object_id, bm25 in cursor.fetchall():
                scores[int(object_id)] = -bm25
    return scores


def postgres_matches(content_type, terms, *, prefix, limit):
    config = get_search_backend().config
    if prefix:
        words = " & ".join(f"{term}:*" for term in terms)
        query = SearchQuery(words, search_type="raw", config="simple")
        pools = [Q(autocomplete=query)]
        rank = SearchRank(F("autocomplete"), query)
    else:
        query = SearchQuery(" ".join(terms), search_type="plain", config=config)
        pools = [Q(title=query) | Q(body=query), Q(title=query)]
        rank = SearchRank(F("title"), query) * TITLE_WEIGHT + SearchRank(
            F("body"), query
        )
    entries = IndexEntry.objects.filter(content_type=content_type)
    candidates = []
    for pool in pools:
        candidates += (
            entries.filter(pool).order_by("-pk").values_list("pk", flat=True)[:limit]
        )
    ranked = IndexEntry.objects.filter(pk__in=candidates).annotate(score=rank)
    return {int(pk): score for pk, score in ranked.values_list("object_id", "score")}


def texts_with_prefix(model, start, *, limit=50):
    """The indexed text of up to ``limit`` objects with a word starting ``start``."""
    if not is_database_index() or connection.vendor not in ("sqlite", "postgresql"):
        return []
    ids = best_matches(model, [start], prefix=True, limit=limit)
    entries = IndexEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(model),
        object_id__in=[str(pk) for pk in ids],
    )
    if connection.vendor == "postgresql":
        fields = ("title_text", "body_text")
    else:
        fields = ("title", "body")
    return [" ".join(texts) for texts in entries.values_list(*fields)]
