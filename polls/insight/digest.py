"""The weekly helpfulness digest's figures: what needs attention, the edits'
verdicts, the site's totals for the week.

``polls.admin.digest_mail`` turns a ``Digest`` into each editor's mail
and sends it. Its figures come from the counters, never from the
responses (see ``polls.insight.attention`` and
``polls.insight.edit_effects``).
"""

import datetime
import functools
from dataclasses import dataclass

from django.db.models import Count, Max
from django.utils import timezone
from wagtail.models import Page, PageLogEntry

from polls.insight import edit_effects, periods
from polls.insight.attention import listed, needs_attention
from polls.models import PollSettings, SiteDailyCount
from polls.models.counters import RECENT_DAYS

WEEK_DAYS = 7
ATTENTION_LIMIT = 20


def week_of(day):
    """The Monday of ``day``'s week: a digest's key."""
    return day - datetime.timedelta(days=day.weekday())


def recent_comparisons(minimum, today):
    """Every edit whose windows may still be growing, tested together (BH)."""
    since = timezone.now() - datetime.timedelta(days=2 * edit_effects.MAX_WINDOW_DAYS)
    edited = (
        PageLogEntry.objects.filter(action="wagtail.publish")
        .order_by()
        .values("page")
        .annotate(publishes=Count("pk"), last=Max("timestamp"))
        .filter(publishes__gte=2, last__gte=since)
        .values("page")
    )
    pages = Page.objects.filter(pk__in=edited).order_by("pk")
    site_totals = functools.cache(edit_effects.site_totals_for)
    comparisons = []
    for page in pages:
        for comparison in edit_effects.compare_edits(
            page, minimum, today=today, site_totals=site_totals
        ):
            comparison.page = page
            comparisons.append(comparison)
    edit_effects.judge(comparisons, minimum)
    return comparisons


@dataclass
class Digest:
    week: datetime.date
    attention: list
    comparisons: list
    totals: dict
    today: datetime.date = None

    @property
    def totals_period(self):
        """The last 7 complete days, as "Last 7 days" means everywhere."""
        return periods.last_days(WEEK_DAYS, self.today)

    @property
    def attention_period(self):
        return periods.last_days(RECENT_DAYS, self.today)

    @property
    def verdicts(self):
        return {str(c.revision_id): c.verdict for c in self.comparisons}

    def changed_for(self, previous):
        """Edits whose verdict differs from ``previous`` ({revision: verdict})."""
        return [
            c
            for c in self.comparisons
            if c.verdict != edit_effects.TOO_FEW
            and previous.get(str(c.revision_id)) != c.verdict
        ]


def build_digest(today=None):
    today = today or timezone.localdate()
    minimum = (
        PollSettings.objects.order_by("pk")
        .values_list("minimum_per_side", flat=True)
        .first()
        or edit_effects.DEFAULT_MINIMUM
    )
    week = periods.last_days(WEEK_DAYS, today)
    totals = SiteDailyCount.objects.filter(
        date__gte=week.start, date__lte=week.end
    ).totals()
    attention = needs_attention(minimum, today=today)
    listed(attention[:ATTENTION_LIMIT])  # the ones the mail lists
    return Digest(
        week=week_of(today),
        attention=attention,
        comparisons=recent_comparisons(minimum, today),
        totals=totals,
        today=today,
    )
