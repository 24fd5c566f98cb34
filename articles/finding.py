"""What the search box finds for the words readers type.

Readers type "runner" for an article that says "running", misspell "numb" as
"numbb", or describe a topic in the topic's own words. The search tries, in
order, until something matches:

1. the words as typed (PostgreSQL stems English words; SQLite does not);
2. each word cut to its stem and matched as a prefix ("runner" → "run…"),
   which gives SQLite stemming and PostgreSQL what its stemmer leaves apart;
3. the closest known word for each word that matches nothing ("numbb" →
   "numb"), from the text of articles with a word that starts the same way:
   the results for those words, with "did you mean" linking to them.

Each step reads a bounded number of index rows (``articles.search_index``),
so no query costs more with 100,000 articles than with 1,000.
"""

import difflib
import re
from dataclasses import dataclass, field

from articles import search_index
from articles.models import ArticlePage

# Longest first, so "ings" is tried before "s".
SUFFIXES = ("ings", "ness", "ing", "ers", "er", "ed", "es", "s")
MIN_STEM = 3
SUGGESTION_CUTOFF = 0.75
# A misspelt word is looked for among words that start with its first letters.
SUGGESTION_PREFIX = 3


@dataclass(frozen=True)
class Found:
    """The matching articles' ids, best first, and the words to highlight.

    ``many`` says the words match more articles than were ranked: the
    results are the best of the most recent matches.
    """

    page_ids: list[int]
    terms: list[str] = field(default_factory=list)
    approximate: bool = False
    suggestion: str = ""
    many: bool = False


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
    if not terms:
        return Found([], terms)
    found = ranked(articles, terms, terms)
    if found.page_ids:
        return found
    stems = [stem(word) for word in terms]
    found = ranked(articles, stems, terms, prefix=True)
    if found.page_ids:
        return found
    suggestion = suggest(terms)
    if not suggestion:
        return Found([], terms)
    found = ranked(articles, words(suggestion), terms)
    return Found(
        found.page_ids,
        found.terms,
        approximate=True,
        suggestion=suggestion,
        many=found.many,
    )


def ranked(articles, lookup, typed, *, prefix=False):
    """The ids of ``articles`` that match ``lookup``, best first."""
    scores = search_index.best_matches(ArticlePage, lookup, prefix=prefix)
    allowed = set(articles.filter(pk__in=scores).values_list("pk", flat=True))
    page_ids = sorted(allowed, key=lambda pk: (-scores[pk], -pk))
    return Found(
        page_ids,
        lookup,
        approximate=prefix and lookup != typed,
        many=len(scores) >= search_index.CANDIDATES,
    )


def suggest(terms):
    """The query with each unknown word replaced by the closest known one."""
    suggestion = []
    for term in terms:
        if len(term) < SUGGESTION_PREFIX or search_index.best_matches(
            ArticlePage, [term], limit=1
        ):
            suggestion.append(term)
            continue
        known = set()
        start = term[:SUGGESTION_PREFIX]
        for text in search_index.texts_with_prefix(ArticlePage, start):
            known.update(w for w in words(text) if w[:1] == term[:1])
        close = difflib.get_close_matches(term, known, n=1, cutoff=SUGGESTION_CUTOFF)
        suggestion.append(close[0] if close else term)
    return " ".join(suggestion) if suggestion != terms else ""
