"""The one place the counters change, and the recount that checks them.

Every path that changes what a response counts as (a vote, a changed answer,
a spam mark) calls ``move`` inside its own transaction, and it moves both
tables of ``polls.models.counters`` together:

- ``DailyCount``: counted responses per page, choice and the day they were
  first given (charts, date-filtered reports);
- ``PageTotal``: per page and choice, all of them (``total``), those of the
  30 days up to ``recent_as_of`` (``recent``) and the last day answered.

On PostgreSQL a first answer given today moves them in the very statement
that inserts it: ``counted_insert`` writes the same moves as SQL upserts, so
the vote is one round trip and one transaction (SQLite cannot put an
``INSERT`` inside ``WITH``, so there it is the insert, then ``move``).

The other paths need no move of their own. Counters hold no copy of a
choice's sentiment, so an editor changing it changes every report at once;
a choice or poll with responses cannot be deleted, and deleting one without
any deletes its (empty) counters by cascade; a deleted page takes its
counters with it and its responses stop counting (their page is NULL).

``recount`` says what the counters must hold, from the responses alone;
``differences`` compares (``manage.py check_poll_counters``), and
``rebuild`` writes the recount (``--fix``, and after bulk loads).
"""

import datetime
import functools
from collections import Counter
from dataclasses import dataclass
from itertools import islice

from django.db import IntegrityError, connection, transaction
from django.db.models import Count, F, Max, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce, Greatest, TruncDate
from django.utils import timezone

from polls.models import DailyCount, PageTotal, Response
from polls.models.counters import WINDOW, recent_as_of_day


@dataclass(frozen=True, order=True)
class Change:
    """``delta`` responses of (page, choice), first given on ``day``."""

    choice_id: int
    page_id: int
    poll_id: int
    day: datetime.date
    delta: int


def change(response, delta, choice=None):
    """What ``response`` (counted as ``choice``) adds; None if it never counts."""
    if response.page_id is None or response.is_spam:
        return None
    return Change(
        choice_id=choice.pk if choice else response.choice_id,
        page_id=response.page_id,
        poll_id=response.poll_id,
        day=timezone.localdate(response.created_at),
        delta=delta,
    )


def move(*changes):
    """Apply ``changes`` to every counter, in the caller's transaction.

    Changes to the same counter are summed first (a status change from
    "new" to "reviewed" moves nothing). Rows are written in choice order, so
    two readers changing answers in opposite directions cannot deadlock each
    other; and each ``PageTotal`` row is written before its daily counter, so
    the days its window drops still hold exactly what was added for them.
    """
    net = Counter()
    for item in changes:
        if item is not None:
            net[item.choice_id, item.page_id, item.poll_id, item.day] += item.delta
    today = timezone.localdate()
    for key, delta in sorted(net.items()):
        if not delta:
            continue
        item = Change(*key, delta)
        _move_total(item, today)
        _move_daily(item)
        if item.delta < 0:
            _recompute_last_date(item)


def counted_insert(insert_sql, insert_params, item):
    """One statement that runs an insert and, if it inserted, ``move(item)``.

    ``insert_sql`` must return a row only when it inserts the response
    ``item`` counts (``INSERT … ON CONFLICT DO NOTHING RETURNING id``).
    Returns ``(sql, params)``, or None where it takes more than one statement:
    on SQLite (no ``INSERT`` inside ``WITH``) and for anything but a first
    answer given today, which then goes through ``move``.

    The counters move as ``move`` moves them, written as upserts: the
    ``PageTotal`` row first (its window moved to today, as ``_move_total``
    does, reading the days it drops before this statement's own change), then
    the ``DailyCount`` row; each waits for the one before it, so the rows are
    locked in ``move``'s order. One statement is one transaction: a first
    vote costs one round trip, and is committed when it returns.
    """
    if (
        connection.vendor != "postgresql"
        or item is None
        or item.delta <= 0
        or item.day != timezone.localdate()
    ):
        return None
    keys = [item.page_id, item.poll_id, item.choice_id]
    day = _date(item.day)
    params = [*insert_params, *keys, item.delta, item.delta, day, day]
    params += [item.delta, item.delta, *keys, day, item.delta, item.delta]
    return _counted_insert_sql().replace("{insert}", insert_sql), params


def recount(today=None):
    """What the counters must hold: ``(daily, totals)``, from the responses.

    ``daily`` maps (page, poll, choice, day) to a count; ``totals`` maps
    (page, poll, choice) to (total, recent, last day), with ``recent`` over
    the 30 days up to ``today``. Only non-zero entries.
    """
    today = today or timezone.localdate()
    daily = Counter()
    rows = (
        Response.objects.counted()
        .exclude(page=None)
        .annotate(day=TruncDate("created_at"))
        .values_list("page_id", "poll_id", "choice_id", "day")
        .annotate(n=Count("pk"))
        .order_by()
    )
    for page, poll, choice, day, n in rows.iterator(chunk_size=5000):
        daily[page, poll, choice, day] += n
    totals = {}
    for (page, poll, choice, day), n in daily.items():
        total, recent, last = totals.get((page, poll, choice), (0, 0, day))
        in_window = today - WINDOW < day <= today
        totals[page, poll, choice] = (
            total + n,
            recent + (n if in_window else 0),
            max(last, day),
        )
    return daily, totals


def differences(today=None):
    """Every counter that differs from the recount: ``(table, key, stored, recount)``.

    ``PageTotal.recent`` is compared as the reports read it, moved to today.
    """
    today = today or timezone.localdate()
    daily, totals = recount(today)
    stored_daily = {
        (row.page_id, row.poll_id, row.choice_id, row.date): row.count
        for row in DailyCount.objects.exclude(count=0)
    }
    stored_totals = {
        (row["page"], row["poll"], row["choice"]): (
            row["total"],
            row["recent_today"],
            row["last_date"],
        )
        for row in PageTotal.objects.exclude(total=0)
        .annotate(recent_today=recent_as_of_day(today))
        .values("page", "poll", "choice", "total", "recent_today", "last_date")
    }
    found = []
    for table, stored, expected in [
        ("daily count", stored_daily, daily),
        ("page total", stored_totals, totals),
    ]:
        for key in sorted(set(stored) | set(expected), key=str):
            if stored.get(key) != expected.get(key):
                found.append((table, key, stored.get(key), expected.get(key)))
    return found


@transaction.atomic
def rebuild():
    """Replace every counter with the recount. Returns the daily rows written.

    For bulk loads and repairs, while no votes arrive: a vote committed
    between the recount and the end would be missing until the next rebuild.
    """
    today = timezone.localdate()
    daily, totals = recount(today)
    DailyCount.objects.all().delete()
    PageTotal.objects.all().delete()
    counters = (
        DailyCount(page_id=page, poll_id=poll, choice_id=choice, date=day, count=n)
        for (page, poll, choice, day), n in daily.items()
    )
    written = 0
    while batch := list(islice(counters, 5000)):
        DailyCount.objects.bulk_create(batch)
        written += len(batch)
    PageTotal.objects.bulk_create(
        (
            PageTotal(
                page_id=page,
                poll_id=poll,
                choice_id=choice,
                total=total,
                recent=recent,
                recent_as_of=today,
                last_date=last,
            )
            for (page, poll, choice), (total, recent, last) in totals.items()
        ),
        batch_size=5000,
    )
    return written


def _move_total(item, today):
    # The common case, a first answer today on a row already written today,
    # needs no window arithmetic: a plain update, prepared once (through the
    # ORM, building it cost more than running it, so nothing below is built
    # until this has missed).
    if item.day == today and _execute(
        _fast_sql()["total_up" if item.delta > 0 else "total_down"],
        [item.delta, item.delta, item.page_id, item.choice_id, _date(today)],
    ):
        return
    in_window = item.day > today - WINDOW
    rows = PageTotal.objects.filter(page_id=item.page_id, choice_id=item.choice_id)
    changes = {
        "total": F("total") + item.delta,
        "recent": recent_as_of_day(today) + (item.delta if in_window else 0),
        "recent_as_of": Value(today),
    }
    if item.delta > 0:
        changes["last_date"] = Greatest(
            Coalesce("last_date", Value(item.day)), Value(item.day)
        )
    if rows.update(**changes) or item.delta < 0:
        return
    try:
        with transaction.atomic():
            PageTotal.objects.create(
                page_id=item.page_id,
                poll_id=item.poll_id,
                choice_id=item.choice_id,
                total=item.delta,
                recent=item.delta if in_window else 0,
                recent_as_of=today,
                last_date=item.day,
            )
    except IntegrityError:
        rows.update(**changes)


def _move_daily(item):
    moved = _execute(
        _fast_sql()["daily"],
        [item.delta, item.page_id, item.choice_id, _date(item.day)],
    )
    if moved or item.delta < 0:
        return
    key = {"page_id": item.page_id, "choice_id": item.choice_id, "date": item.day}
    counters = DailyCount.objects.filter(**key)
    try:
        with transaction.atomic():
            DailyCount.objects.create(**key, poll_id=item.poll_id, count=item.delta)
    except IntegrityError:
        counters.update(count=F("count") + item.delta)


@functools.cache
def _fast_sql():
    """The two updates of a first answer today, written out for both backends."""
    q = connection.ops.quote_name
    total, daily = q(PageTotal._meta.db_table), q(DailyCount._meta.db_table)
    key = f"{q('page_id')} = %s AND {q('choice_id')} = %s"
    moves = f"{q('total')} = {q('total')} + %s, {q('recent')} = {q('recent')} + %s"
    today = f"{q('recent_as_of')} = %s"
    return {
        "total_up": f"UPDATE {total} SET {moves}, {q('last_date')} = "
        f"{q('recent_as_of')} WHERE {key} AND {today}",
        "total_down": f"UPDATE {total} SET {moves} WHERE {key} AND {today}",
        "daily": f"UPDATE {daily} SET {q('count')} = {q('count')} + %s "
        f"WHERE {key} AND {q('date')} = %s",
    }


@functools.cache
def _counted_insert_sql():
    """``counted_insert``'s statement (PostgreSQL), with ``{insert}`` to fill."""
    q = connection.ops.quote_name

    def columns(model, *names):
        return ", ".join(q(model._meta.get_field(name).column) for name in names)

    total, daily = q(PageTotal._meta.db_table), q(DailyCount._meta.db_table)
    keys = ("page", "poll", "choice")
    page, choice, date, count = q("page_id"), q("choice_id"), q("date"), q("count")
    as_of, days = q("recent_as_of"), WINDOW.days
    totals = columns(PageTotal, *keys, "total", "recent", "recent_as_of", "last_date")
    dropped = (
        f"SELECT SUM(d.{count}) FROM {daily} d WHERE d.{page} = t.{page} "
        f"AND d.{choice} = t.{choice} AND d.{date} > t.{as_of} - {days} "
        f"AND d.{date} <= EXCLUDED.{as_of} - {days}"
    )
    return (
        "WITH inserted AS ({insert}), "
        f"moved_total AS (INSERT INTO {total} AS t "
        f"({totals}) "
        "SELECT %s, %s, %s, %s, %s, %s, %s FROM inserted "
        f"ON CONFLICT ({page}, {choice}) DO UPDATE SET "
        f"{q('total')} = t.{q('total')} + %s, "
        f"{q('recent')} = CASE WHEN t.{as_of} >= EXCLUDED.{as_of} "
        f"THEN t.{q('recent')} ELSE t.{q('recent')} - COALESCE(({dropped}), 0) "
        "END + %s, "
        f"{as_of} = EXCLUDED.{as_of}, "
        f"{q('last_date')} = GREATEST(COALESCE(t.{q('last_date')}, "
        f"EXCLUDED.{q('last_date')}), EXCLUDED.{q('last_date')}) "
        "RETURNING 1), "
        f"moved_daily AS (INSERT INTO {daily} AS d "
        f"({columns(DailyCount, *keys, 'date', 'count')}) "
        "SELECT %s, %s, %s, %s, %s FROM moved_total "
        f"ON CONFLICT ({page}, {choice}, {date}) DO UPDATE SET "
        f"{count} = d.{count} + %s) "
        "SELECT * FROM inserted"
    )


def _execute(sql, params):
    """Run ``sql``; the number of rows it changed."""
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.rowcount


def _date(day):
    return connection.ops.adapt_datefield_value(day)


def _recompute_last_date(item):
    """After a count leaves, the last day answered may be an earlier one."""
    last = (
        DailyCount.objects.filter(
            page=OuterRef("page"), choice=OuterRef("choice"), count__gt=0
        )
        .order_by()
        .values("choice")
        .annotate(last=Max("date"))
        .values("last")
    )
    PageTotal.objects.filter(page_id=item.page_id, choice_id=item.choice_id).update(
        last_date=Subquery(last)
    )
