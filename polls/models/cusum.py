"""The complete days "needs attention" tests (the CUSUM, "below the site"),
kept one row per page.

Only ``polls.insight.cusum_window`` writes them, from the ``DailyCount`` rows; it
says why they exist and when they are rewritten.
"""

from django.db import models


class CusumWindow(models.Model):
    """Which days the ``CusumPage`` rows hold: a single row (pk 1).

    The rows hold the 120 complete days before ``as_of``, as the counters
    were when ``counters_version`` of those days was ``version``, counting
    the choices ``positive`` (their ids, "1,3") as helpful.
    """

    as_of = models.DateField(null=True)
    version = models.CharField(max_length=100, blank=True)
    positive = models.CharField(max_length=255, blank=True)

    class Meta:
        ordering = ["pk"]
        verbose_name = "CUSUM window"
        verbose_name_plural = "CUSUM windows"

    def __str__(self):
        return f"CUSUM window before {self.as_of}"


class CusumPage(models.Model):
    """One page's answers in the window: the 90 baseline days as sums, the
    last 30 day by day (``recent``: (positive, responses) a day, oldest
    first, packed by ``polls.insight.cusum_window.pack``).

    The sums of ``recent`` are kept beside it, so pages under the minimum
    are left out in SQL without reading their days.
    """

    page = models.ForeignKey(
        "wagtailcore.Page", on_delete=models.CASCADE, related_name="+"
    )
    before_positive = models.IntegerField(default=0)
    before_responses = models.IntegerField(default=0)
    recent_positive = models.IntegerField(default=0)
    recent_responses = models.IntegerField(default=0)
    recent = models.BinaryField()

    class Meta:
        ordering = ["page"]
        verbose_name = "CUSUM page"
        verbose_name_plural = "CUSUM pages"
        constraints = [
            models.UniqueConstraint(fields=["page"], name="polls_cusumpage_unique")
        ]

    def __str__(self):
        return f"{self.page_id}: {self.recent_responses} answers in the last 30 days"
