from django.db import models
from django.db.models import F, Max, Q, Sum

from .poll import Sentiment


class DailyCountQuerySet(models.QuerySet):
    def for_period(self, start=None, end=None):
        queryset = self
        if start:
            queryset = queryset.filter(date__gte=start)
        if end:
            queryset = queryset.filter(date__lte=end)
        return queryset

    def helpfulness_by_page(self):
        """One row per page: responses, positive, negative and the last day answered.

        Reads the counters, never the responses, so its cost grows with pages
        and days, not with the number of votes.
        """
        return (
            self.values("page")
            .annotate(
                page_title=F("page__title"),
                responses=Sum("count"),
                positive=Sum("count", filter=Q(sentiment=Sentiment.POSITIVE)),
                negative=Sum("count", filter=Q(sentiment=Sentiment.NEGATIVE)),
                last_response=Max("date"),
            )
            .filter(responses__gt=0)
        )

    def by_day(self):
        return (
            self.values("date")
            .annotate(
                responses=Sum("count"),
                positive=Sum("count", filter=Q(sentiment=Sentiment.POSITIVE)),
                negative=Sum("count", filter=Q(sentiment=Sentiment.NEGATIVE)),
            )
            .order_by("date")
        )


class DailyCount(models.Model):
    """How many counted responses, first given on ``date``, hold each choice.

    Kept up to date in the same transaction as every vote, answer change and
    spam mark (see ``polls.services``), so reports sum a few rows per page and
    day instead of scanning every response.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="poll_daily_counts"
    )
    poll = models.ForeignKey(
        "polls.Poll", on_delete=models.CASCADE, related_name="daily_counts"
    )
    choice = models.ForeignKey(
        "polls.Choice", on_delete=models.CASCADE, related_name="daily_counts"
    )
    sentiment = models.CharField(max_length=8, choices=Sentiment.choices)
    date = models.DateField()
    count = models.IntegerField(default=0)

    objects = DailyCountQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        verbose_name = "daily count"
        verbose_name_plural = "daily counts"
        constraints = [
            models.UniqueConstraint(
                fields=["page", "choice", "date"], name="polls_dailycount_unique_day"
            ),
            models.CheckConstraint(
                condition=Q(count__gte=0), name="polls_dailycount_not_negative"
            ),
        ]
        indexes = [models.Index(fields=["date", "page"])]

    def __str__(self):
        return f"{self.date}: {self.count} × {self.choice}"
