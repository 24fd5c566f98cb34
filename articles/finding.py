"""What the search box finds for the words readers type.

Readers type "runner" for an article that says "running", misspell "numb" as
"numbb", or describe a topic in the topic's own words. The search tries, in
order, until something matches:

1. the words as typed (PostgreSQL stems English words; SQLite does not);
2. each word cut to its stem and matched as a prefix ("runner" → "run…"),
   which gives SQLite stemming and PostgreSQL what its stemmer leaves apart;
3. on PostgreSQL, trigram similarity (pg_trgm), which forgives typos.

When nothing matches at all, a "did you mean" suggests the closest words from
article titles, summaries and topics.
"""

import difflib
import re
from dataclasses import dataclass, field

from django.db import connection
from modelsearch.query import And, Fuzzy, PlainText

from articles.models import Topic

# Longest first, so "ings" is tried before "s".
SUFFIXES = ("ings", "ness", "ing", "ers", "er", "ed", "es", "s")
MIN_STEM = 3
SUGGESTION_CUTOFF = 0.75


@dataclass(frozen=True)
class Found:
    """The results, and the words to highlight in them."""

    results: object
    terms: list[str] = field(default_factory=list)
    approximate: bool = False
    suggestion: str = ""


def words(query):
    return re.findall(r"\w+", query.lower())


def stem(word):
    """A crude English stem, enough to match word forms by prefix.

    "running" → "run", "runner" → "run", "needles" → "needle". A doubled final
    consonant left by the cut is undoubled, as Porter's stemmer does.
    """
    for suffix in SUFFIXES:
        base = word[: -len(suffix)]
        if word.endswith(suffix) and len(base) >= MIN_STEM:
            if (
                len(base) > MIN_STEM
                and base[-1] == base[-2]
                and base[-1] not in "aeiouls"
            ):
                base = base[:-1]
            return base
    return word


def find_articles(articles, query):
    """Search ``articles`` (a page queryset) for ``query``, forgiving as above."""
    terms = words(query)
    results = articles.search(query)
    if results.count():
        return Found(results, terms)
    stems = [stem(word) for word in terms]
    if stems:
        prefixed = articles.autocomplete(And([PlainText(s) for s in stems]))
        if prefixed.count():
            return Found(prefixed, stems, approximate=stems != terms)
    if connection.vendor == "postgresql":
        similar = articles.search(Fuzzy(query))
        if similar.count():
            return Found(similar, terms, approximate=True)
    return Found(articles.none(), terms, suggestion=suggest(articles, terms))


def suggest(articles, terms):
    """The query with each unknown word replaced by the closest known one."""
    known = set()
    for title, summary in articles.values_list("title", "summary"):
        known.update(words(f"{title} {summary}"))
    for name, description in Topic.objects.values_list("name", "description"):
        known.update(words(f"{name} {description}"))
    suggestion = []
    for term in terms:
        if term in known:
            suggestion.append(term)
            continue
        close = difflib.get_close_matches(term, known, n=1, cutoff=SUGGESTION_CUTOFF)
        suggestion.append(close[0] if close else term)
    return " ".join(suggestion) if suggestion != terms else ""
