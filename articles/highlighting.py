"""Marking search terms in result titles and excerpts.

The database search backend returns no highlights, so they are made here, from
the words of the query: each word that starts with a query term is wrapped in
``<mark>``. Everything else is escaped.
"""

import re

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

EXCERPT_LENGTH = 220
# Keys of raw StreamField data that never hold prose.
_NOT_PROSE = {"type", "id", "url", "image", "level"}


def query_terms(query):
    """The words of the query worth marking: two or more letters or digits."""
    return sorted(
        {word.lower() for word in re.findall(r"\w{2,}", query)}, key=len, reverse=True
    )


def _pattern(terms):
    return re.compile(r"\b(?:" + "|".join(map(re.escape, terms)) + r")\w*", re.I)


def highlight(text, terms):
    """``text`` escaped, with words starting with a term in ``<mark>``."""
    if not terms:
        return escape(text)
    pattern, pieces, position = _pattern(terms), [], 0
    for match in pattern.finditer(text):
        pieces.append(escape(text[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(text[position:]))
    return mark_safe("".join(pieces))


def contains_term(text, terms):
    return bool(terms) and bool(_pattern(terms).search(text))


def excerpt(text, terms, length=EXCERPT_LENGTH):
    """About ``length`` characters of ``text`` around the first term, highlighted."""
    text = " ".join(text.split())
    match = _pattern(terms).search(text) if terms else None
    start = 0
    if match and match.start() > length // 3:
        start = text.rfind(" ", 0, match.start() - length // 3) + 1
    end = start + length
    if end < len(text):
        end = text.rfind(" ", start, end) if " " in text[start:end] else end
    snippet = text[start:end]
    prefix = "… " if start else ""
    suffix = " …" if end < len(text) else ""
    return mark_safe(prefix + highlight(snippet, terms) + suffix)


def stream_text(raw):
    """The prose of raw StreamField data (no database queries, no rendering)."""
    if isinstance(raw, str):
        return strip_tags(raw)
    if isinstance(raw, dict):
        items = (value for key, value in raw.items() if key not in _NOT_PROSE)
    elif isinstance(raw, list | tuple):
        items = raw
    else:
        return ""
    return " ".join(_sentence(text) for text in map(stream_text, items) if text)


def _sentence(text):
    """A heading or title run into the next text gets a full stop after it."""
    text = text.strip()
    return text if not text or text[-1] in ".!?:;…" else text + "."
