"""The recount that checks the counters, and the rebuild that repairs them.

``recount`` says what the counters must hold, from the responses alone;
``differences`` compares (``manage.py check_poll_counters``), and
``rebuild`` writes the recount (``--fix``, and after bulk loads).
"""

from collections import Counter
from dataclasses import dataclass
from itertools import islice

from django.db import transaction
from django.db.models import Count
from django.db.models.functions import TruncDate

from polls.models import (
    DailyCount,
    DailyReasonCount,
    PageTotal,
    Response,
    SiteDailyCount,
)
from polls.tally.moves import KNOWN_REASONS


@dataclass
class Recount:
    """What every counter must hold, keyed as ``differences`` reports it.

    ``daily``: (page, poll, choice, day) → count; ``totals``: (page, poll,
    choice) → (total, last day); ``site``: (poll, choice, day) →
    count; ``reasons``: (page, poll, day, reason) → count. Non-zero only.
    """

    daily: Counter
    totals: dict
    site: Counter
    reasons: Counter


def recount():
    """What the counters must hold (a ``Recount``), from the responses alone."""
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
        total, last = totals.get((page, poll, choice), (0, day))
        totals[page, poll, choice] = (total + n, max(last, day))
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


def differences():
    """Every counter that differs from the recount.

    Each as ``(table, key, stored, recount)``.
    """
    expected = recount()
    stored_daily = {
        (row.page_id, row.poll_id, row.choice_id, row.date): row.count
        for row in DailyCount.objects.exclude(count=0)
    }
    stored_totals = {
        (row.page_id, row.poll_id, row.choice_id): (row.total, row.last_date)
        for row in PageTotal.objects.exclude(total=0)
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
    expected = recount()
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
                last_date=last,
            )
            for (page, poll, choice), (total, last) in totals.items()
        ),
        batch_size=5000,
    )
    return written
