import datetime

from django.db import migrations
from django.db.models import Max, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone


def backfill(apps, schema_editor):
    """Fill the new totals from the daily counters that already exist."""
    DailyCount = apps.get_model("polls", "DailyCount")
    PageTotal = apps.get_model("polls", "PageTotal")
    today = timezone.localdate()
    window_start = today - datetime.timedelta(days=30)
    rows = (
        DailyCount.objects.order_by()
        .values("page_id", "poll_id", "choice_id", "sentiment")
        .annotate(
            total=Sum("count"),
            recent=Coalesce(Sum("count", filter=Q(date__gt=window_start)), 0),
            last_date=Max("date"),
        )
    )
    PageTotal.objects.bulk_create(
        (PageTotal(**row, recent_as_of=today) for row in rows), batch_size=5000
    )


class Migration(migrations.Migration):
    dependencies = [("polls", "0005_page_totals")]

    operations = [migrations.RunPython(backfill, migrations.RunPython.noop)]
