"""The least and the most helpful pages of the last 30 complete days.

The figures are the very rows "needs attention" tests
(``polls.insight.cusum_window.recent_by_page``), so a page shows the same
number of answers on the dashboard, in "needs attention", in the report and
in the digest. Only pages with at least ``minimum`` answers in those days
are ranked, by the Wilson lower bound, numbered from both ends with window
functions in one query; only the first ``limit`` from each end come back.
A page is in the lower half or the upper half, never in both lists; with
an odd number of ranked pages the middle one is in neither.

The ranking reads complete days only, so it is kept for the day
(``polls.insight.daily_cache``). Titles are not part of it: whoever shows
it reads them, so a renamed page shows its new title at once.
"""

from django.db.models import F, Q, Window
from django.db.models.functions import RowNumber
from django.utils import timezone

from polls.insight import cusum_window
from polls.insight.daily_cache import kept_for_the_day
from polls.insight.stats import wilson_lower_bound_expression


def least_and_most_helpful(minimum, limit, today=None):
    """([least helpful first], [most helpful first]), each row a dict of
    ``page`` (its id), ``responses`` and ``positive``."""
    today = today or timezone.localdate()

    def compute(positive, version):
        version = version or cusum_window.counters_version(today)
        rows = cusum_window.recent_by_page(today, positive, version)
        return _ranked(rows, minimum, limit)

    return kept_for_the_day("ranking", today, compute, minimum, limit)


def _ranked(rows, minimum, limit):
    rows = (
        rows.filter(recent_responses__gte=max(minimum, 1))
        .annotate(
            responses=F("recent_responses"),
            positive=F("recent_positive"),
            wilson=wilson_lower_bound_expression(
                "recent_positive", "recent_responses", minimum=minimum
            ),
        )
        .annotate(
            from_bottom=Window(
                RowNumber(), order_by=[F("wilson").asc(), F("page").asc()]
            ),
            from_top=Window(
                RowNumber(), order_by=[F("wilson").desc(), F("page").asc()]
            ),
        )
        .values("page", "responses", "positive", "from_bottom", "from_top")
        .filter(Q(from_bottom__lte=limit) | Q(from_top__lte=limit))
    )
    least, most = [], []
    for row in rows:
        figures = {key: row[key] for key in ("page", "responses", "positive")}
        if row["from_bottom"] < row["from_top"]:
            least.append((row["from_bottom"], figures))
        elif row["from_top"] < row["from_bottom"]:
            most.append((row["from_top"], figures))
    return (
        [figures for _, figures in sorted(least, key=lambda e: e[0])],
        [figures for _, figures in sorted(most, key=lambda e: e[0])],
    )
