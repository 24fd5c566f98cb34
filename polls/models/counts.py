from django.db import models
from django.db.models import F, Max, Q, Sum
from django.db.models.functions import Coalesce

from polls.stats import (
    is_under_minimum_expression,
    percent_expression,
    wilson_lower_bound_expression,
)

from .poll import Sentiment

RECENT_DAYS = 30


class CounterQuerySet(models.QuerySet):
    """What the counter tables share: their rows sum to responses by sentiment."""

    def helpfulness_by_page(self, count="count", last="date"):
        """One row per page: responses, positive, negative and the last day answered.

        Reads the counters, never the responses, so its cost grows with pages
        (and, for daily counters, days), not with the number of votes.
        """
        return (
            self.order_by()  # Meta.ordering would add its fields to the GROUP BY
            .values("page")
            .annotate(
                page_title=F("page__title"),
                responses=Sum(count),
                positive=Coalesce(
                    Sum(count, filter=Q(sentiment=Sentiment.POSITIVE)), 0
                ),
                negative=Coalesce(
                    Sum(count, filter=Q(sentiment=Sentiment.NEGATIVE)), 0
                ),
                last_response=Max(last),
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

    def totals(self, count="count"):
        """Responses, positive and negative over all the rows, as one dict."""
        return self.aggregate(
            responses=Coalesce(Sum(count), 0),
            positive=Coalesce(Sum(count, filter=Q(sentiment=Sentiment.POSITIVE)), 0),
            negative=Coalesce(Sum(count, filter=Q(sentiment=Sentiment.NEGATIVE)), 0),
        )


class DailyCountQuerySet(CounterQuerySet):
    def for_period(self, start=None, end=None):
        queryset = self
        if start:
            queryset = queryset.filter(date__gte=start)
        if end:
            queryset = queryset.filter(date__lte=end)
        return queryset

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


class PageTotalQuerySet(CounterQuerySet):
    def all_time(self):
        return self.helpfulness_by_page(count="total", last="last_date")

    def last_30_days(self):
        """Per page, the responses first given in the last 30 days.

        Call ``polls.services.roll_recent_totals()`` first: rows not written
        today still hold the window as of the day they were last written.
        """
        return self.helpfulness_by_page(count="recent", last="last_date")


class PageTotal(models.Model):
    """All-time and last-30-days counts per page and choice.

    ``DailyCount`` answers "how many on each day"; this answers "how many in
    all" and "how many lately" in one row per page and choice, so the report
    and the dashboard panel cost the same with a thousand votes or a million.
    ``recent`` holds the responses first given in the 30 days up to
    ``recent_as_of``; the services move the window forward (subtracting the
    days that left it) whenever they write a row, and before the panel reads.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="poll_totals"
    )
    poll = models.ForeignKey(
        "polls.Poll", on_delete=models.CASCADE, related_name="page_totals"
    )
    choice = models.ForeignKey(
        "polls.Choice", on_delete=models.CASCADE, related_name="page_totals"
    )
    sentiment = models.CharField(max_length=8, choices=Sentiment.choices)
    total = models.IntegerField(default=0)
    recent = models.IntegerField(default=0)
    recent_as_of = models.DateField()
    last_date = models.DateField(null=True)

    objects = PageTotalQuerySet.as_manager()

    class Meta:
        ordering = ["page", "choice"]
        verbose_name = "page total"
        verbose_name_plural = "page totals"
        constraints = [
            models.UniqueConstraint(
                fields=["page", "choice"], name="polls_pagetotal_unique_choice"
            ),
            models.CheckConstraint(
                condition=Q(total__gte=0) & Q(recent__gte=0),
                name="polls_pagetotal_not_negative",
            ),
        ]
        indexes = [models.Index(fields=["recent_as_of"])]

    def __str__(self):
        return f"{self.page_id}: {self.total} × {self.choice}"
