"""The counters reports read, kept in step with the responses.

Two tables, both written in the same transaction as the vote, answer change
or spam mark that moves them (``polls.services`` calls ``add``):

- ``DailyCount``: counted responses per page, choice and the day they were
  first given (charts, date-filtered reports);
- ``PageTotal``: per page and choice, all of them (``total``) and those of
  the last 30 days (``recent``), so the report and the dashboard panel read
  one row per page and choice however many votes there are.

``recent`` is a moving window. A row knows the day its window ends
(``recent_as_of``); every write first moves the row's window to today,
subtracting the daily counts of the days that left it, and the panel moves
every row before it reads (``roll_recent_totals``). Rows are always written
before the daily counter of the same page and choice, so the days being
subtracted still hold exactly what was added for them.
"""

import datetime
from itertools import islice

from django.db import IntegrityError, transaction
from django.db.models import (
    Case,
    Count,
    DateField,
    ExpressionWrapper,
    F,
    Max,
    OuterRef,
    Q,
    Subquery,
    Sum,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Greatest, TruncDate
from django.utils import timezone

from polls.models import DailyCount, PageTotal, Response
from polls.models.counts import RECENT_DAYS

WINDOW = datetime.timedelta(days=RECENT_DAYS)


def add(response, delta, choice=None):
    """Move the counters of ``response`` (as ``choice``) by ``delta``."""
    if response.page_id is None or response.is_spam:
        return
    choice = choice or response.choice
    day = timezone.localdate(response.created_at)
    today = timezone.localdate()
    _add_to_total(response, choice, day, today, delta)
    _add_to_daily(response, choice, day, delta)


def roll_recent_totals(today=None):
    """Move every row's 30-day window to end ``today``. Returns rows moved."""
    today = today or timezone.localdate()
    return PageTotal.objects.filter(recent_as_of__lt=today).update(
        recent=_rolled_recent(today), recent_as_of=Value(today)
    )


@transaction.atomic
def rebuild():
    """Recompute every counter from the counted responses (after a bulk load).

    Returns the number of daily counter rows written.
    """
    DailyCount.objects.all().delete()
    PageTotal.objects.all().delete()
    rows = (
        Response.objects.counted()
        .exclude(page=None)
        .annotate(date=TruncDate("created_at"))
        .values("page_id", "poll_id", "choice_id", "choice__sentiment", "date")
        .annotate(total=Count("pk"))
        .order_by()
    )
    counters = (
        DailyCount(
            page_id=row["page_id"],
            poll_id=row["poll_id"],
            choice_id=row["choice_id"],
            sentiment=row["choice__sentiment"],
            date=row["date"],
            count=row["total"],
        )
        for row in rows.iterator(chunk_size=5000)
    )
    written = 0
    while batch := list(islice(counters, 5000)):
        DailyCount.objects.bulk_create(batch)
        written += len(batch)
    _rebuild_totals()
    return written


def _rebuild_totals():
    today = timezone.localdate()
    rows = (
        DailyCount.objects.order_by()
        .values("page_id", "poll_id", "choice_id", "sentiment")
        .annotate(
            total=Sum("count"),
            recent=Coalesce(Sum("count", filter=Q(date__gt=today - WINDOW)), 0),
            last_date=Max("date"),
        )
    )
    PageTotal.objects.bulk_create(
        (PageTotal(**row, recent_as_of=today) for row in rows.iterator()),
        batch_size=5000,
    )


def _rolled_recent(today):
    """``recent`` with the days that left the window since ``recent_as_of`` removed."""
    window_start_before = ExpressionWrapper(
        OuterRef("recent_as_of") - WINDOW, output_field=DateField()
    )
    dropped = (
        DailyCount.objects.filter(
            page=OuterRef("page"),
            choice=OuterRef("choice"),
            date__gt=window_start_before,
            date__lte=today - WINDOW,
        )
        .order_by()
        .values("choice")
        .annotate(dropped=Sum("count"))
        .values("dropped")
    )
    return Case(
        When(recent_as_of__gte=today, then=F("recent")),
        default=F("recent") - Coalesce(Subquery(dropped), 0),
    )


def _add_to_total(response, choice, day, today, delta):
    in_window = day > today - WINDOW
    rows = PageTotal.objects.filter(page_id=response.page_id, choice_id=choice.pk)
    # The common case, a first answer today on a row already written today,
    # needs no window arithmetic: a plain update, cheap to build and run.
    if day == today and rows.filter(recent_as_of=today).update(
        total=F("total") + delta,
        recent=F("recent") + delta,
        **({"last_date": Value(today)} if delta > 0 else {}),
    ):
        return
    changes = {
        "total": F("total") + delta,
        "recent": _rolled_recent(today) + (delta if in_window else 0),
        "recent_as_of": Value(today),
    }
    if delta > 0:
        changes["last_date"] = Greatest(Coalesce("last_date", Value(day)), Value(day))
    if rows.update(**changes) or delta < 0:
        return
    try:
        with transaction.atomic():
            PageTotal.objects.create(
                page_id=response.page_id,
                poll_id=response.poll_id,
                choice_id=choice.pk,
                sentiment=choice.sentiment,
                total=delta,
                recent=delta if in_window else 0,
                recent_as_of=today,
                last_date=day,
            )
    except IntegrityError:
        rows.update(**changes)


def _add_to_daily(response, choice, day, delta):
    key = {"page_id": response.page_id, "choice_id": choice.pk, "date": day}
    counters = DailyCount.objects.filter(**key)
    if counters.update(count=F("count") + delta) or delta < 0:
        return
    try:
        with transaction.atomic():
            DailyCount.objects.create(
                **key, poll_id=response.poll_id, sentiment=choice.sentiment, count=delta
            )
    except IntegrityError:
        counters.update(count=F("count") + delta)
