from collections import Counter
from itertools import islice

from django.db import migrations
from django.db.models import Sum
from django.db.models.functions import TruncDate

REASONS = {"inaccurate", "hard_to_understand", "did_not_answer", "other"}


def fill(apps, schema_editor):
    """Fill the new counters: the site's days from the daily counters, the
    reasons from the responses (``polls.tally.recount`` counts them alike)."""
    DailyCount = apps.get_model("polls", "DailyCount")
    SiteDailyCount = apps.get_model("polls", "SiteDailyCount")
    DailyReasonCount = apps.get_model("polls", "DailyReasonCount")
    Response = apps.get_model("polls", "Response")

    days = (
        DailyCount.objects.order_by()
        .values("poll_id", "choice_id", "date")
        .annotate(count=Sum("count"))
        .filter(count__gt=0)
    )
    SiteDailyCount.objects.bulk_create(
        (SiteDailyCount(**row) for row in days.iterator(chunk_size=5000)),
        batch_size=5000,
    )

    reasons = Counter()
    rows = (
        Response.objects.exclude(triage_status="spam")
        .exclude(page=None)
        .exclude(reasons=[])
        .annotate(day=TruncDate("created_at"))
        .values_list("page_id", "poll_id", "day", "reasons")
        .order_by()
    )
    for page, poll, day, codes in rows.iterator(chunk_size=5000):
        for code in codes:
            if code in REASONS:
                reasons[page, poll, day, code] += 1
    counters = (
        DailyReasonCount(page_id=page, poll_id=poll, date=day, reason=code, count=n)
        for (page, poll, day, code), n in reasons.items()
    )
    while batch := list(islice(counters, 5000)):
        DailyReasonCount.objects.bulk_create(batch)


class Migration(migrations.Migration):
    dependencies = [("polls", "0012_site_and_reason_counters")]

    operations = [migrations.RunPython(fill, migrations.RunPython.noop)]
