"""How often each follow-up reason was ticked, per page and day.

Moved by ``polls.tally.move`` like the other counters, so "reasons before
and after an edit" and the page report's reasons sum a few rows per day
instead of reading every response's reasons.
"""

from django.db import models
from django.db.models import Q, Sum

from .response import Reason


class DailyReasonCountQuerySet(models.QuerySet):
    def for_period(self, start=None, end=None):
        queryset = self
        if start:
            queryset = queryset.filter(date__gte=start)
        if end:
            queryset = queryset.filter(date__lte=end)
        return queryset

    def by_reason(self):
        """{reason code: count} over the rows, every known reason included."""
        counts = dict.fromkeys(Reason.values, 0)
        rows = self.order_by().values_list("reason").annotate(n=Sum("count"))
        for code, n in rows:
            if code in counts:
                counts[code] = n
        return counts


class DailyReasonCount(models.Model):
    """Counted responses first given on ``date`` whose follow-up ticked ``reason``.

    A response counts here while it counts at all (not spam, its page not
    deleted) and holds the reason, whatever its choice's sentiment.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="poll_reason_counts"
    )
    poll = models.ForeignKey(
        "polls.Poll", on_delete=models.CASCADE, related_name="reason_counts"
    )
    date = models.DateField()
    reason = models.CharField(max_length=32, choices=Reason.choices)
    count = models.IntegerField(default=0)

    objects = DailyReasonCountQuerySet.as_manager()

    class Meta:
        ordering = ["-date", "reason"]
        verbose_name = "daily reason count"
        verbose_name_plural = "daily reason counts"
        constraints = [
            models.UniqueConstraint(
                fields=["page", "poll", "date", "reason"],
                name="polls_dailyreasoncount_unique_day",
            ),
            models.CheckConstraint(
                condition=Q(count__gte=0), name="polls_dailyreasoncount_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.date}: {self.count} × {self.reason}"
