"""The days "needs attention" tests, kept per page so reading them is cheap.

The CUSUM needs, per page, its 90 baseline days as sums and its last 30
days one by one. Summed from ``DailyCount`` at every view that is a row
per page, day and choice over 120 days, a read that grows with every page
answered; here it is one row per page (``CusumPage``), about as cheap
with a thousand votes as with a million. The CUSUM is computed from these
rows (and kept for the day: ``polls.insight.daily_cache``); "below the
site" and the dashboard's rankings read their last 30 days too.

The rows hold complete days only, so nothing moves them during a day. They
are brought up to date at the first read that finds them stale:

- **a new day**: the rows move forward, reading only the days that enter
  the last 30 and those that leave the 90 before (when the days they held
  are unchanged and less than 30 days old);
- **an old day changed** (a changed answer, a spam mark, a deleted page:
  ``counters_version`` moved), or the positive choices changed: the rows
  are rebuilt from ``DailyCount``, which costs what every view used to.

Computing the CUSUM in SQL instead (running sums and their minimum with
window functions) still reads every one of those counter rows at every
view; keeping the days is what makes the cost flat.
"""

import datetime
import functools
import struct
from collections import defaultdict

from django.db import connection, transaction
from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import Coalesce

from polls.models import CusumPage, CusumWindow, DailyCount, SiteDailyCount
from polls.models.counters import RECENT_DAYS  # "the last 30 days", as elsewhere

BASELINE_DAYS = 90
WINDOW = datetime.timedelta(days=RECENT_DAYS + BASELINE_DAYS)


def counters_version(today):
    """What changes whenever any answer first given on a day the CUSUM reads does.

    Every move of those days writes their ``SiteDailyCount`` rows
    (``moves`` + 1), a new row has a higher id, and rows only go (a deleted
    choice, a rebuild) with their answers: so (rows, moves, highest id) never
    comes back to an earlier value while the days differ. At most one row
    per choice and day: the same cost with a thousand votes or a million.
    """
    row = SiteDailyCount.objects.filter(
        date__gte=today - WINDOW, date__lt=today
    ).aggregate(rows=Count("pk"), moves=Sum("moves"), last=Max("pk"))
    return "{rows}-{moves}-{last}".format(**row)


def answered_pages(today, positive, version):
    """(page, before positive, before responses, recent positive, recent
    responses, [[positive, responses] × 30] packed) of each page answered in
    the last 30 complete days, in page order: one read for both statistical
    causes of ``polls.insight.attention``.

    ``version`` must be ``counters_version(today)`` read before this call,
    so rows are never labelled newer than the counters they came from.
    """
    _make_current(today, positive, version)
    sql, params = _answered_pages_sql()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


@functools.cache
def _answered_pages_sql():
    """``answered_pages``' query, built by the ORM once and run on a cursor:
    a queryset would compile it again at every call and pass each of up to
    a thousand rows through its converters, work the plain cursor skips."""
    rows = CusumPage.objects.filter(recent_responses__gt=0).values_list(
        "page",
        "before_positive",
        "before_responses",
        "recent_positive",
        "recent_responses",
        "recent",
    )
    return rows.query.sql_with_params()


def recent_by_page(today, positive, version):
    """The rows brought up to date, for figures over the last 30 complete days:
    each page's ``recent_positive`` and ``recent_responses``, the same
    answers "needs attention" tests (``version`` as for ``answered_pages``)."""
    _make_current(today, positive, version)
    return CusumPage.objects.filter(recent_responses__gt=0)


def _make_current(today, positive, version):
    key = ",".join(map(str, positive))
    window = CusumWindow.objects.filter(pk=1).first()
    if not _holds(window, today, key, version):
        _bring_up_to_date(today, positive, key, version)


def pack(days):
    """``recent`` for [[positive, responses] × 30]: little-endian 32-bit integers.

    Bytes rather than JSON, so a thousand pages' days become one array in one
    call (``days_array``) instead of a thousand lists decoded one by one.
    """
    return struct.pack(f"<{2 * len(days)}i", *(n for day in days for n in day))


def unpack(recent):
    values = struct.unpack(f"<{len(recent) // 4}i", recent)
    return [list(values[n : n + 2]) for n in range(0, len(values), 2)]


def days_array(recents):
    """The ``recent`` of many pages as one (pages, 30, 2) numpy array.

    numpy is imported here for the reason ``polls.insight.inference`` imports scipy
    inside its functions: serving an article never needs it.
    """
    import numpy as np

    joined = b"".join(recents)
    return np.frombuffer(joined, dtype="<i4").reshape(-1, RECENT_DAYS, 2)


def _holds(window, today, key, version):
    return (
        window is not None
        and window.as_of == today
        and window.positive == key
        and window.version == version
    )


def _bring_up_to_date(today, positive, key, version):
    # The row to lock must exist; one statement, whether it does or not.
    CusumWindow.objects.bulk_create([CusumWindow(pk=1)], ignore_conflicts=True)
    with transaction.atomic():
        window = CusumWindow.objects.select_for_update().get(pk=1)
        if _holds(window, today, key, version):
            return  # another request did it while this one waited
        if _can_move(window, today, key):
            rows = _moved(window.as_of, today, positive)
        else:
            rows = _rebuilt(today, positive)
        _delete_every_page_row()
        CusumPage.objects.bulk_create(rows, batch_size=1000)
        window.as_of, window.positive, window.version = today, key, version
        window.save()


def _delete_every_page_row():
    # Not QuerySet.delete(): a post_delete receiver listens to every model,
    # so Django would read each row first to send it a signal nobody needs.
    table = connection.ops.quote_name(CusumPage._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(f"DELETE FROM {table}")


def _can_move(window, today, key):
    """Whether the rows only lack the days since ``as_of``: none they hold changed."""
    if window.as_of is None or window.positive != key:
        return False
    if not 0 < (today - window.as_of).days < RECENT_DAYS:
        return False
    return counters_version(window.as_of) == window.version


def _sums(positive):
    return {
        "responses": Sum("count"),
        "positive": Coalesce(Sum("count", filter=Q(choice__in=positive)), 0),
    }


def _by_page(start, end, positive):
    """{page: (positive, responses)} over the days from ``start`` to before ``end``."""
    rows = (
        DailyCount.objects.order_by()
        .filter(date__gte=start, date__lt=end)
        .values_list("page")
        .annotate(**_sums(positive))
    )
    return {page: (day_positive, responses) for page, responses, day_positive in rows}


def _by_page_and_day(start, end, positive):
    """{page: {date: [positive, responses]}} over the days from ``start`` to ``end``."""
    rows = (
        DailyCount.objects.order_by()
        .filter(date__gte=start, date__lt=end)
        .values_list("page", "date")
        .annotate(**_sums(positive))
    )
    found = defaultdict(dict)
    for page, day, responses, day_positive in rows.iterator(chunk_size=5000):
        found[page][day] = [day_positive, responses]
    return found


def _row(page, before, days):
    """A ``CusumPage``, or None for a page with no answer in the window."""
    before_positive, before_responses = before
    recent_positive = sum(p for p, _ in days)
    recent_responses = sum(n for _, n in days)
    if not before_responses and not recent_responses:
        return None
    return CusumPage(
        page_id=page,
        before_positive=before_positive,
        before_responses=before_responses,
        recent_positive=recent_positive,
        recent_responses=recent_responses,
        recent=pack(days),
    )


def _recent_days(start, by_day):
    return [
        by_day.get(start + datetime.timedelta(days=n), [0, 0])
        for n in range(RECENT_DAYS)
    ]


def _rebuilt(today, positive):
    """Every page's rows from the counters of the 120 days before ``today``."""
    recent_start = today - datetime.timedelta(days=RECENT_DAYS)
    before = _by_page(today - WINDOW, recent_start, positive)
    recent = _by_page_and_day(recent_start, today, positive)
    rows = (
        _row(page, before.get(page, (0, 0)), _recent_days(recent_start, recent[page]))
        for page in sorted(set(before) | set(recent))
    )
    return [row for row in rows if row]


def _moved(as_of, today, positive):
    """The rows moved from the window before ``as_of`` to the one before ``today``.

    The days from ``as_of`` enter the last 30, as many leave them for the
    baseline, and as many leave the baseline: only the entering and leaving
    days are read.
    """
    shift = (today - as_of).days
    leaving = _by_page(as_of - WINDOW, today - WINDOW, positive)
    entering = _by_page_and_day(as_of, today, positive)
    kept = {row.page_id: row for row in CusumPage.objects.all()}
    recent_start = today - datetime.timedelta(days=RECENT_DAYS)
    rows = []
    for page in sorted(set(kept) | set(entering)):
        old = kept.get(page)
        days = unpack(old.recent) if old else [[0, 0]] * RECENT_DAYS
        moved, left = days[:shift], leaving.get(page, (0, 0))
        before = (
            (old.before_positive if old else 0) + sum(p for p, _ in moved) - left[0],
            (old.before_responses if old else 0) + sum(n for _, n in moved) - left[1],
        )
        new_days = _recent_days(recent_start, entering.get(page, {}))
        row = _row(page, before, days[shift:] + new_days[RECENT_DAYS - shift :])
        if row:
            rows.append(row)
    return rows
