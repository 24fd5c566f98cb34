"""Figures read from complete days only, kept in the cache for the day.

"Needs attention" and the dashboard's rankings read the last 30 complete
days and the 90 before them, never today, so nothing a reader does today
changes them. They are kept under what they depend on: the day, the
positive choices, ``counters_version`` of the days they read (which any
change to those days' answers moves: a changed old answer, a spam mark, a
deleted page) and the caller's own parts, such as a minimum. So a result is
never stale, and it is computed once a day rather than at every view.

``POLLS_ATTENTION_CACHE_SECONDS = 0`` turns the keeping off.
"""

from django.core.cache import cache

from polls import conf
from polls.insight.cusum_window import counters_version
from polls.models import Choice, Sentiment


def positive_choices():
    return sorted(
        Choice.objects.filter(sentiment=Sentiment.POSITIVE).values_list("pk", flat=True)
    )


def kept_for_the_day(name, today, compute, *parts):
    """``compute(positive, version)``, kept for ``today`` under ``name`` and
    ``parts``; ``version`` is ``counters_version(today)``, or None when
    keeping is off (the computation then reads it itself)."""
    positive = positive_choices()
    seconds = conf.get("POLLS_ATTENTION_CACHE_SECONDS")
    if not seconds:
        return compute(positive, None)
    # The version is read before the counters: a result is never kept under
    # a version newer than the counters it was computed from.
    version = counters_version(today)
    key = ":".join(
        [
            "polls:daily",
            name,
            today.isoformat(),
            *map(str, parts),
            ",".join(map(str, positive)),
            version,
        ]
    )
    found = cache.get(key)
    if found is None:
        found = compute(positive, version)
        cache.set(key, found, seconds)
    return found
