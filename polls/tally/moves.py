"""How the counters move: every change to what a response counts as.

Every path that changes what a response counts as (a vote, a changed
answer, a spam mark, a follow-up's reasons) calls ``move`` inside its own
transaction, and it moves every counter table together:

- ``DailyCount``: counted responses per page, choice and the day they were
  first given (charts, date-filtered reports, the CUSUM);
- ``PageTotal``: per page and choice, all of them (``total``) and the last
  day answered;
- ``DailyReasonCount``: per page and day, how many counted responses hold
  each follow-up reason (reasons before and after an edit);
- ``SiteDailyCount``: ``DailyCount`` summed over the pages (the site-wide
  figures), written last so its rows, shared by every page, are locked for
  the shortest time.

The other paths need no move of their own. Counters hold no copy of a
choice's sentiment, so an editor changing it changes every report at once;
a choice or poll with responses cannot be deleted, and deleting one without
any deletes its (empty) counters by cascade. A deleted page takes its own
counters with it and its responses stop counting (their page is NULL):
``forget_page`` takes them out of the site-wide counters first.
"""

import datetime
from collections import Counter
from dataclasses import dataclass

from django.db import IntegrityError, connection, transaction
from django.db.models import Exists, F, Max, OuterRef, Subquery, Sum
from django.utils import timezone

from polls.models import (
    DailyCount,
    DailyReasonCount,
    PageTotal,
    Reason,
    SiteDailyCount,
)
from polls.tally import sql

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
    in opposite directions cannot deadlock each other.
    """
    moving = [item for item in changes if item is not None]
    if len(moving) == 1 and moving[0].delta > 0 and not moving[0].reasons:
        _arrive(moving[0])  # the common case: a first answer
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
        _move_total(item)
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


def _move_total(item):
    """Move the page's all-time count: an arriving answer (the common case, a
    vote) is one upsert, written once per process (``sql.upserts``)."""
    if item.delta > 0:
        _execute(sql.upserts()["total"], arrival_rows(item)["total"])
    else:
        params = [item.delta, item.page_id, item.choice_id]
        _execute(sql.leaving_updates()["total"], params)


def _move_daily(item):
    if item.delta > 0:
        _execute(sql.upserts()["daily"], arrival_rows(item)["daily"])
    else:
        day = _date(item.day)
        params = [item.delta, item.page_id, item.choice_id, day]
        _execute(sql.leaving_updates()["daily"], params)


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
        _execute(sql.upserts()["site"], _site_row(poll_id, choice_id, day, delta))
    else:
        _execute(sql.leaving_updates()["site"], [delta, choice_id, _date(day)])


def _arrive(item):
    """``move`` for one arriving answer without reasons: the three upserts,
    in ``move``'s order, on one cursor."""
    rows = arrival_rows(item)
    statements = sql.upserts()
    with connection.cursor() as cursor:
        for counter in ("total", "daily", "site"):
            cursor.execute(statements[counter], rows[counter])


def arrival_rows(item):
    """The values ``sql.upserts`` add for ``item`` (delta > 0), by counter."""
    keys = [item.page_id, item.poll_id, item.choice_id]
    day = _date(item.day)
    return {
        "total": [*keys, item.delta, day],
        "daily": [*keys, day, item.delta],
        "site": _site_row(item.poll_id, item.choice_id, item.day, item.delta),
    }


def _site_row(poll_id, choice_id, day, delta):
    """The values ``sql.upserts()["site"]`` adds to the site's day."""
    return [poll_id, choice_id, _date(day), delta]


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
