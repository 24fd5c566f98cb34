from django.db import models
from django.db.models import F, Max, Q, Sum
from django.db.models.functions import Coalesce

from polls.stats import (
    is_under_minimum_expression,
    percent_expression,
    wilson_lower_bound_expression,
)

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
            self.order_by()  # Meta.ordering would add "date" to the GROUP BY
            .values("page")
            .annotate(
                page_title=F("page__title"),
                responses=Sum("count"),
                positive=Coalesce(
                    Sum("count", filter=Q(sentiment=Sentiment.POSITIVE)), 0
                ),
                negative=Coalesce(
                    Sum("count", filter=Q(sentiment=Sentiment.NEGATIVE)), 0
                ),
                last_response=Max("date"),
            )
            .filter(responses__gt=0)
        )

    def with_scores(self, minimum_responses):
        """Add % positive and the Wilson lower bound to ``helpfulness_by_page`` rows.

        Pages with fewer than ``minimum_responses`` get no Wilson bound (NULL)
        and ``under_minimum=1``, so rankings can list them last.
        """
        return self.annotate(
            percent_positive=percent_expression("positive", "responses"),
            wilson=wilson_lower_bound_expression(
                "positive", "responses", minimum=minimum_responses
            ),
            under_minimum=is_under_minimum_expression("responses", minimum_responses),
        )

    def totals(self):
        """Responses, positive and negative over all the rows, as one dict."""
        return self.aggregate(
            responses=Coalesce(Sum("count"), 0),
            positive=Coalesce(Sum("count", filter=Q(sentiment=Sentiment.POSITIVE)), 0),
            negative=Coalesce(Sum("count", filter=Q(sentiment=Sentiment.NEGATIVE)), 0),
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
