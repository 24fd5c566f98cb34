"""The counter tables reports read instead of the responses.

Only ``polls.tally`` writes them (``move``, ``forget_page`` and
``rebuild``); everything here reads. Counters hold no copy of a choice's
sentiment: reads join the choice, so an editor re-labelling "Yes" as
negative changes every report at once.
"""

from django.db import models
from django.db.models import (
    F,
    Max,
    Q,
    Sum,
)
from django.db.models.functions import Coalesce

from polls.insight.stats import (
    is_under_minimum_expression,
    percent_expression,
    wilson_lower_bound_expression,
)

from .poll import Sentiment

RECENT_DAYS = 30
POSITIVE = Q(choice__sentiment=Sentiment.POSITIVE)
NEGATIVE = Q(choice__sentiment=Sentiment.NEGATIVE)


class CounterQuerySet(models.QuerySet):
    """What the counter tables share: their rows sum to responses by sentiment."""

    def helpfulness_by_page(self, count="count", last="date"):
        """One row per page: responses, positive, negative and the last day answered.

        The last day skips counters that went back to zero (a changed answer
        or a spam mark), so both tables give the same day.

        Reads the counters, never the responses, so its cost grows with pages
        (and, for daily counters, days), not with the number of votes.
        """
        return (
            self.order_by()  # Meta.ordering would add its fields to the GROUP BY
            .values("page")
            .annotate(
                page_title=F("page__title"),
                responses=Sum(count),
                positive=Coalesce(Sum(count, filter=POSITIVE), 0),
                negative=Coalesce(Sum(count, filter=NEGATIVE), 0),
                last_response=Max(last, filter=Q(**{f"{count}__gt": 0})),
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
            positive=Coalesce(Sum(count, filter=POSITIVE), 0),
            negative=Coalesce(Sum(count, filter=NEGATIVE), 0),
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
                positive=Sum("count", filter=POSITIVE),
                negative=Sum("count", filter=NEGATIVE),
            )
            .order_by("date")
        )


class DailyCount(models.Model):
    """How many counted responses, first given on ``date``, hold each choice.

    Moved by ``polls.tally.move`` in the same transaction as every vote,
    answer change and spam mark, so reports sum a few rows per page and day
    instead of scanning every response.
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


class PageTotal(models.Model):
    """All-time counts per page and choice, and the last day answered.

    ``DailyCount`` answers "how many on each day"; this answers "how many in
    all" in one row per page and choice, so the all-time report costs the
    same with a thousand votes or a million. A period's figures sum
    ``DailyCount`` over its days (``DailyCount.objects.for_period``).
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
    total = models.IntegerField(default=0)
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
                condition=Q(total__gte=0),
                name="polls_pagetotal_not_negative",
            ),
        ]

    def __str__(self):
        return f"{self.page_id}: {self.total} × {self.choice}"


class SiteDailyCount(models.Model):
    """``DailyCount`` summed over every page: counted responses per choice and day.

    The site-wide figures (the site's change beside an edit's, the digest's
    week) sum at most one row per choice and day here, where summing
    ``DailyCount`` would read one per page as well: 90,000 rows for a
    45-day window over 1,000 busy articles. ``moves`` counts the writes to
    the row, so a sum of it over past days changes whenever any of their
    answers does (``polls.insight.attention`` keys its cached CUSUM on it).
    """

    poll = models.ForeignKey(
        "polls.Poll", on_delete=models.CASCADE, related_name="site_daily_counts"
    )
    choice = models.ForeignKey(
        "polls.Choice", on_delete=models.CASCADE, related_name="site_daily_counts"
    )
    date = models.DateField()
    count = models.IntegerField(default=0)
    moves = models.BigIntegerField(default=1)

    objects = DailyCountQuerySet.as_manager()

    class Meta:
        ordering = ["-date"]
        verbose_name = "site daily count"
        verbose_name_plural = "site daily counts"
        constraints = [
            models.UniqueConstraint(
                fields=["date", "choice"], name="polls_sitedailycount_unique_day"
            ),
            models.CheckConstraint(
                condition=Q(count__gte=0), name="polls_sitedailycount_not_negative"
            ),
        ]

    def __str__(self):
        return f"{self.date}: {self.count} × {self.choice} (all pages)"
