"""The one place the counters change, and the recount that checks them.

Every path that changes what a response counts as (a vote, a changed answer,
a spam mark, a follow-up's reasons) calls ``move`` inside its own
transaction, and it moves every counter table together:

- ``DailyCount``: counted responses per page, choice and the day they were
  first given (charts, date-filtered reports, the CUSUM);
- ``PageTotal``: per page and choice, all of them (``total``), those of the
  30 days up to ``recent_as_of`` (``recent``) and the last day answered;
- ``DailyReasonCount``: per page and day, how many counted responses hold
  each follow-up reason (reasons before and after an edit);
- ``SiteDailyCount``: ``DailyCount`` summed over the pages (the site-wide
  figures), written last so its rows, shared by every page, are locked for
  the shortest time.

On PostgreSQL a first answer given today (without reasons) moves them in the
very statement that inserts it: ``counted_insert`` writes the same moves as
SQL upserts, so the vote is one round trip and one transaction (SQLite cannot
put an ``INSERT`` inside ``WITH``, so there it is the insert, then ``move``).

The other paths need no move of their own. Counters hold no copy of a
choice's sentiment, so an editor changing it changes every report at once;
a choice or poll with responses cannot be deleted, and deleting one without
any deletes its (empty) counters by cascade. A deleted page takes its own
counters with it and its responses stop counting (their page is NULL):
``forget_page`` takes them out of the site-wide counters first.

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
from django.db.models import (
    Count,
    Exists,
    F,
    Max,
    OuterRef,
    Subquery,
    Sum,
    Value,
)
from django.db.models.functions import TruncDate
from django.utils import timezone

from polls import prepared
from polls.models import (
    DailyCount,
    DailyReasonCount,
    PageTotal,
    Reason,
    Response,
    SiteDailyCount,
)
from polls.models.counters import WINDOW, recent_as_of_day

KNOWN_REASONS = frozenset(Reason.values)


@dataclass(frozen=True, order=True)
class Change:
    """``delta`` responses of (page, choice) first given on ``day``, with reasons."""

    choice_id: int
    page_id: int
    poll_id: int
    day: datetime.date
    delta: int
    reasons: tuple = ()


def change(response, delta, choice=None, reasons=None):
    """What ``response`` (counted as ``choice``, holding ``reasons``) adds.

    ``choice`` and ``reasons`` default to the response's own; None if it
    never counts.
    """
    if response.page_id is None or response.is_spam:
        return None
    reasons = response.reasons if reasons is None else reasons
    return Change(
        choice_id=choice.pk if choice else response.choice_id,
        page_id=response.page_id,
        poll_id=response.poll_id,
        day=timezone.localdate(response.created_at),
        delta=delta,
        reasons=tuple(code for code in reasons if code in KNOWN_REASONS),
    )


def arrival(*, page_id, poll_id, choice_id, created_at, **_columns):
    """What a new response of these columns adds, before it is built: the
    ``change(response, +1)`` of an answer without reasons or spam mark."""
    return Change(
        choice_id=choice_id,
        page_id=page_id,
        poll_id=poll_id,
        day=timezone.localdate(created_at),
        delta=1,
    )


def move(*changes):
    """Apply ``changes`` to every counter, in the caller's transaction.

    Changes to the same counter are summed first (a status change from
    "new" to "reviewed" moves nothing; a follow-up, a change from the
    answer to itself with new reasons, moves only the reasons). Rows are
    written in one order, the page's counters by choice, then its reasons,
    then the site-wide counters by choice, so two readers changing answers
    in opposite directions cannot deadlock each other; and each
    ``PageTotal`` row is written before its daily counter, so the days its
    window drops still hold exactly what was added for them.
    """
    today = timezone.localdate()
    moving = [item for item in changes if item is not None]
    if len(moving) == 1 and moving[0].delta > 0 and not moving[0].reasons:
        _arrive(moving[0], today)  # the common case: a first answer
        return
    net, reasons, site = Counter(), Counter(), Counter()
    for item in moving:
        net[item.choice_id, item.page_id, item.poll_id, item.day] += item.delta
        site[item.choice_id, item.poll_id, item.day] += item.delta
        for code in item.reasons:
            reasons[item.page_id, item.poll_id, item.day, code] += item.delta
    for key, delta in sorted(net.items()):
        if not delta:
            continue
        item = Change(*key, delta)
        _move_total(item, today)
        _move_daily(item)
        if item.delta < 0:
            _recompute_last_date(item)
    for (page_id, poll_id, day, reason), delta in sorted(reasons.items()):
        if delta:
            _move_reason(page_id, poll_id, day, reason, delta)
    for (choice_id, poll_id, day), delta in sorted(site.items()):
        if delta:
            _move_site(choice_id, poll_id, day, delta)


def forget_page(page_id):
    """Take a page's counted answers out of the site-wide counters.

    Called just before the page is deleted (``polls.signal_handlers``): its own
    counters go with it by cascade and its responses stop counting, so the
    site-wide days must lose what the page added to them. One statement,
    whatever the page's history.
    """
    added = (
        DailyCount.objects.filter(
            page_id=page_id, choice=OuterRef("choice"), date=OuterRef("date")
        )
        .order_by()
        .values("choice")
        .annotate(n=Sum("count"))
        .values("n")
    )
    SiteDailyCount.objects.filter(
        Exists(
            DailyCount.objects.filter(
                page_id=page_id,
                choice=OuterRef("choice"),
                date=OuterRef("date"),
                count__gt=0,
            )
        )
    ).update(count=F("count") - Subquery(added), moves=F("moves") + 1)


@dataclass
class Recount:
    """What every counter must hold, keyed as ``differences`` reports it.

    ``daily``: (page, poll, choice, day) → count; ``totals``: (page, poll,
    choice) → (total, recent, last day); ``site``: (poll, choice, day) →
    count; ``reasons``: (page, poll, day, reason) → count. Non-zero only.
    """

    daily: Counter
    totals: dict
    site: Counter
    reasons: Counter


def counted_insert(insert_sql, insert_params, item, target=None):
    """One statement that runs an insert and, if it inserted, ``move(item)``.

    ``insert_sql`` must return a row only when it inserts the response
    ``item`` counts (``INSERT … ON CONFLICT DO NOTHING RETURNING id``).
    Returns ``(sql, params)``, or None where it takes more than one statement:
    on SQLite (no ``INSERT`` inside ``WITH``) and for anything but a first
    answer given today, which then goes through ``move``. ``target`` is an
    optional ``(sql, params)`` of a ``SELECT`` the insert may read as
    ``target`` (a vote's page and choice); the statement then returns the
    inserted id followed by the target's row.

    The counters move as ``move`` moves them, written as upserts: the
    ``PageTotal`` row first (its window moved to today, as ``_move_total``
    does, reading the days it drops before this statement's own change), then
    the ``DailyCount`` row, then the ``SiteDailyCount`` row (``move`` moves no
    reasons for a first answer without any); each waits for the one before
    it, so the rows are locked in ``move``'s order. One statement is one
    transaction: a first vote costs one round trip, and is committed when it
    returns.
    """
    if (
        connection.vendor != "postgresql"
        or item is None
        or item.delta <= 0
        or item.day != timezone.localdate()
        or item.reasons
    ):
        return None
    rows = _arrival_rows(item, item.day)
    moves = [*rows["total"], *rows["daily"], *rows["site"]]
    if target is None:
        sql = f"WITH inserted AS ({insert_sql}), {_counted_moves_sql()} "
        return sql + "SELECT * FROM inserted", [*insert_params, *moves]
    target_sql, target_params = target
    sql = (
        f"WITH target AS ({target_sql}), inserted AS ({insert_sql}), "
        f"{_counted_moves_sql()} SELECT inserted.*, target.* FROM inserted, target"
    )
    return sql, [*target_params, *insert_params, *moves]


def recount(today=None):
    """What the counters must hold (a ``Recount``), from the responses alone.

    ``recent`` in the totals covers the 30 days up to ``today``.
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
    site = Counter()
    for (_page, poll, choice, day), n in daily.items():
        site[poll, choice, day] += n
    reasons = Counter()
    rows = (
        Response.objects.counted()
        .exclude(page=None)
        .exclude(reasons=[])
        .annotate(day=TruncDate("created_at"))
        .values_list("page_id", "poll_id", "day", "reasons")
        .order_by()
    )
    for page, poll, day, codes in rows.iterator(chunk_size=5000):
        for code in codes:
            if code in KNOWN_REASONS:
                reasons[page, poll, day, code] += 1
    return Recount(daily, totals, site, reasons)


def differences(today=None):
    """Every counter that differs from the recount: ``(table, key, stored, recount)``.

    ``PageTotal.recent`` is compared as the reports read it, moved to today.
    """
    today = today or timezone.localdate()
    expected = recount(today)
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
    stored_site = {
        (row.poll_id, row.choice_id, row.date): row.count
        for row in SiteDailyCount.objects.exclude(count=0)
    }
    stored_reasons = {
        (row.page_id, row.poll_id, row.date, row.reason): row.count
        for row in DailyReasonCount.objects.exclude(count=0)
    }
    found = []
    for table, stored, recounted in [
        ("daily count", stored_daily, expected.daily),
        ("page total", stored_totals, expected.totals),
        ("site daily count", stored_site, expected.site),
        ("reason count", stored_reasons, expected.reasons),
    ]:
        for key in sorted(set(stored) | set(recounted), key=str):
            if stored.get(key) != recounted.get(key):
                found.append((table, key, stored.get(key), recounted.get(key)))
    return found


@transaction.atomic
def rebuild():
    """Replace every counter with the recount. Returns the daily rows written.

    For bulk loads and repairs, while no votes arrive: a vote committed
    between the recount and the end would be missing until the next rebuild.
    """
    today = timezone.localdate()
    expected = recount(today)
    daily, totals = expected.daily, expected.totals
    for model in (DailyCount, PageTotal, SiteDailyCount, DailyReasonCount):
        model.objects.all().delete()
    counters = (
        DailyCount(page_id=page, poll_id=poll, choice_id=choice, date=day, count=n)
        for (page, poll, choice, day), n in daily.items()
    )
    written = 0
    while batch := list(islice(counters, 5000)):
        DailyCount.objects.bulk_create(batch)
        written += len(batch)
    SiteDailyCount.objects.bulk_create(
        (
            SiteDailyCount(poll_id=poll, choice_id=choice, date=day, count=n)
            for (poll, choice, day), n in expected.site.items()
        ),
        batch_size=5000,
    )
    DailyReasonCount.objects.bulk_create(
        (
            DailyReasonCount(
                page_id=page, poll_id=poll, date=day, reason=reason, count=n
            )
            for (page, poll, day, reason), n in expected.reasons.items()
        ),
        batch_size=5000,
    )
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
    """Move the page's all-time and 30-day counts, the window moved to ``today``.

    An answer that arrives (the common case, a vote) is one upsert, written
    once per process (``_upserts``): through the ORM, building the update
    with its window arithmetic cost more than running it.
    """
    if item.delta > 0:
        _execute(_upserts()["total"], _arrival_rows(item, today)["total"])
        return
    in_window = item.day > today - WINDOW
    if item.day == today and _execute(
        _fast_sql()["total_down"],
        [item.delta, item.delta, item.page_id, item.choice_id, _date(today)],
    ):
        return
    PageTotal.objects.filter(page_id=item.page_id, choice_id=item.choice_id).update(
        total=F("total") + item.delta,
        recent=recent_as_of_day(today) + (item.delta if in_window else 0),
        recent_as_of=Value(today),
    )


def _move_daily(item):
    if item.delta > 0:
        _execute(_upserts()["daily"], _arrival_rows(item, item.day)["daily"])
    else:
        day = _date(item.day)
        _execute(_fast_sql()["daily"], [item.delta, item.page_id, item.choice_id, day])


def _move_reason(page_id, poll_id, day, reason, delta):
    key = {"page_id": page_id, "poll_id": poll_id, "date": day, "reason": reason}
    counters = DailyReasonCount.objects.filter(**key)
    if counters.update(count=F("count") + delta) or delta < 0:
        return
    try:
        with transaction.atomic():
            DailyReasonCount.objects.create(**key, count=delta)
    except IntegrityError:
        counters.update(count=F("count") + delta)


def _move_site(choice_id, poll_id, day, delta):
    """Move the site-wide day; ``moves`` counts every write (see ``SiteDailyCount``)."""
    if delta > 0:
        _execute(_upserts()["site"], _site_row(poll_id, choice_id, day, delta))
    else:
        _execute(_fast_sql()["site"], [delta, choice_id, _date(day)])


def _arrive(item, today):
    """``move`` for one arriving answer without reasons: the three upserts,
    in ``move``'s order, on one cursor."""
    rows = _arrival_rows(item, today)
    statements = _upserts()
    with prepared.cursor() as cursor:
        for counter in ("total", "daily", "site"):
            cursor.execute(statements[counter], rows[counter])


def _arrival_rows(item, today):
    """The values ``_upserts`` add for ``item`` (delta > 0), by counter; the
    ``PageTotal`` row's window moved to ``today``."""
    keys = [item.page_id, item.poll_id, item.choice_id]
    day = _date(item.day)
    recent = item.delta if item.day > today - WINDOW else 0
    return {
        "total": [*keys, item.delta, recent, _date(today), day],
        "daily": [*keys, day, item.delta],
        "site": _site_row(item.poll_id, item.choice_id, item.day, item.delta),
    }


def _site_row(poll_id, choice_id, day, delta):
    """The values ``_upserts()["site"]`` adds to the site's day."""
    return [poll_id, choice_id, _date(day), delta]


@functools.cache
def _fast_sql():
    """The updates of an answer that leaves a counter, for both backends."""
    q = connection.ops.quote_name
    total, daily = q(PageTotal._meta.db_table), q(DailyCount._meta.db_table)
    site = q(SiteDailyCount._meta.db_table)
    key = f"{q('page_id')} = %s AND {q('choice_id')} = %s"
    moves = f"{q('total')} = {q('total')} + %s, {q('recent')} = {q('recent')} + %s"
    today = f"{q('recent_as_of')} = %s"
    return {
        "total_down": f"UPDATE {total} SET {moves} WHERE {key} AND {today}",
        "daily": f"UPDATE {daily} SET {q('count')} = {q('count')} + %s "
        f"WHERE {key} AND {q('date')} = %s",
        "site": f"UPDATE {site} SET {q('count')} = {q('count')} + %s, "
        f"{q('moves')} = {q('moves')} + 1 "
        f"WHERE {q('choice_id')} = %s AND {q('date')} = %s",
    }


@functools.cache
def _upserts():
    """``_upsert_templates`` completed with ``VALUES``: what ``move`` runs."""
    templates = _upsert_templates()
    return {
        "total": templates["total"] % "VALUES (%s, %s, %s, %s, %s, %s, %s)",
        "daily": templates["daily"] % "VALUES (%s, %s, %s, %s, %s)",
        "site": templates["site"] % "VALUES (%s, %s, %s, %s, 1)",
    }


@functools.cache
def _upsert_templates():
    """An arriving answer's moves, as upserts both backends accept.

    Each of "total", "daily" and "site" is ``INSERT INTO … AS alias (…) %s
    ON CONFLICT … DO UPDATE …``, to be completed with its rows: ``VALUES``
    for ``move`` (``_upserts``), a ``SELECT`` from the inserted response in
    ``counted_insert``. The conflict clauses read the new row's figures from
    ``EXCLUDED``, so they are the same in both uses.
    The ``PageTotal`` row's window moves to its new ``recent_as_of``
    dropping the days that left it, as ``recent_as_of_day`` does.
    """
    q = connection.ops.quote_name
    sqlite = connection.vendor == "sqlite"

    def columns(model, *names):
        return ", ".join(q(model._meta.get_field(name).column) for name in names)

    def days_before(date_sql):
        days = WINDOW.days
        return f"date({date_sql}, '-{days} days')" if sqlite else f"{date_sql} - {days}"

    greatest = "MAX" if sqlite else "GREATEST"
    total, daily = q(PageTotal._meta.db_table), q(DailyCount._meta.db_table)
    site = q(SiteDailyCount._meta.db_table)
    keys = ("page", "poll", "choice")
    page, choice, date, count = q("page_id"), q("choice_id"), q("date"), q("count")
    as_of, recent, last = q("recent_as_of"), q("recent"), q("last_date")
    dropped = (
        f"SELECT SUM(d.{count}) FROM {daily} d WHERE d.{page} = t.{page} "
        f"AND d.{choice} = t.{choice} AND d.{date} > {days_before(f't.{as_of}')} "
        f"AND d.{date} <= {days_before(f'EXCLUDED.{as_of}')}"
    )
    totals = columns(PageTotal, *keys, "total", "recent", "recent_as_of", "last_date")
    return {
        "total": f"INSERT INTO {total} AS t ({totals}) %s "
        f"ON CONFLICT ({page}, {choice}) DO UPDATE SET "
        f"{q('total')} = t.{q('total')} + EXCLUDED.{q('total')}, "
        f"{recent} = CASE WHEN t.{as_of} >= EXCLUDED.{as_of} "
        f"THEN t.{recent} ELSE t.{recent} - COALESCE(({dropped}), 0) "
        f"END + EXCLUDED.{recent}, "
        f"{as_of} = EXCLUDED.{as_of}, "
        f"{last} = {greatest}(COALESCE(t.{last}, EXCLUDED.{last}), EXCLUDED.{last})",
        "daily": f"INSERT INTO {daily} AS d "
        f"({columns(DailyCount, *keys, 'date', 'count')}) %s "
        f"ON CONFLICT ({page}, {choice}, {date}) DO UPDATE SET "
        f"{count} = d.{count} + EXCLUDED.{count}",
        "site": f"INSERT INTO {site} AS s "
        f"({columns(SiteDailyCount, 'poll', 'choice', 'date', 'count', 'moves')}) "
        f"%s ON CONFLICT ({date}, {choice}) DO UPDATE SET "
        f"{count} = s.{count} + EXCLUDED.{count}, {q('moves')} = s.{q('moves')} + 1",
    }


@functools.cache
def _counted_moves_sql():
    """``counted_insert``'s moves (PostgreSQL), after its ``inserted`` part.

    ``_upsert_templates``' three moves as data-modifying ``WITH`` parts,
    each reading its row from the one before (``RETURNING 1``), so they run
    in order and only when the response was inserted.
    """
    upserts = _upsert_templates()
    total = upserts["total"] % "SELECT %s, %s, %s, %s, %s, %s, %s FROM inserted"
    daily = upserts["daily"] % "SELECT %s, %s, %s, %s, %s FROM moved_total"
    site = upserts["site"] % "SELECT %s, %s, %s, %s, 1 FROM moved_daily"
    return (
        f"moved_total AS ({total} RETURNING 1), "
        f"moved_daily AS ({daily} RETURNING 1), "
        f"moved_site AS ({site})"
    )


def _execute(sql, params):
    """Run ``sql``; the number of rows it changed."""
    with prepared.cursor() as cursor:
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
