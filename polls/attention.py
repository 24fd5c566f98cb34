"""What needs attention now: pages that got worse, trail the site, or wait on triage.

A page is listed for any of three causes, each with the figure behind it:

- **Got worse.** A Bernoulli CUSUM runs over the last 30 complete days,
  against the page's own helpful rate of the 90 days before them. Each day
  adds the log-likelihood ratio of "10 points less helpful" against "as
  before" for that day's answers; the sum never drops below zero. The page
  is listed while the sum is above h = ln(answers the page gets in a year).
  By Wald's inequality a CUSUM of log-likelihood ratios raises a false
  alarm no more often than once in e^h answers, so at most about once per
  article-year, however busy the page.
- **Below the site.** Over the last 30 days, a one-sided binomial test of
  the page's rate against the whole site's, with Benjamini–Hochberg across
  all pages (5% false discoveries), so a thousand pages tested together do
  not flag dozens by chance.
- **Comments to triage.** Negative answers with a comment still marked
  "New". Triaging them takes the page off the list.

Neither statistical cause fires before both the page's recent and baseline
answers reach the minimum (``PollSettings.minimum_per_side``). Figures come
from the counters (``DailyCount``, ``PageTotal``, ``SiteDailyCount``), never
from the responses; only the comments waiting for triage are counted among
the answers, through a small partial index. The CUSUM reads complete days
only, so its result is kept in the cache for the day
(``POLLS_ATTENTION_CACHE_SECONDS``), under a version of those days that
any change to their answers moves (``counters_version``).
"""

import datetime
import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.core.cache import cache
from django.db.models import Count, Max, Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from polls import conf, inference
from polls.models import (
    Choice,
    DailyCount,
    PageTotal,
    Response,
    Sentiment,
    SiteDailyCount,
    TriageStatus,
)
from polls.models.counters import POSITIVE, recent_as_of_day

RECENT_DAYS = 30
BASELINE_DAYS = 90
DROP = 0.10  # the change the CUSUM watches for

WORSE, BELOW_SITE, COMMENTS = "worse", "below_site", "comments"


@dataclass
class Trigger:
    kind: str
    figure: str
    severity: float = 0.0


@dataclass
class Entry:
    page_id: int
    title: str
    triggers: list = field(default_factory=list)

    @property
    def kinds(self):
        return {trigger.kind for trigger in self.triggers}


def cusum(days, baseline_rate, drop=DROP):
    """The Bernoulli CUSUM after ``days`` of (positive, responses) answers."""
    watched = max(baseline_rate - drop, 0.01)
    baseline = min(max(baseline_rate, watched + 0.01), 0.99)
    helpful = math.log(watched / baseline)
    unhelpful = math.log((1 - watched) / (1 - baseline))
    total = 0.0
    for positive, responses in days:
        total = max(
            0.0, total + positive * helpful + (responses - positive) * unhelpful
        )
    return total


def threshold(answers_per_year):
    """h = ln(answers a year): one false alarm per article-year at most (Wald)."""
    return math.log(max(answers_per_year, math.e))


def worse_than_before(minimum, today):
    """{page id: Trigger} for pages whose CUSUM is above their threshold.

    The CUSUM reads complete days only, so it is computed once and kept in
    the cache under what it depends on: the day, the minimum, which choices
    are positive and ``counters_version`` of the days it reads. A vote
    today changes none of them; a changed old answer, a spam mark or a
    deleted page changes the version, so the result is never stale.
    """
    seconds = conf.get("POLLS_ATTENTION_CACHE_SECONDS")
    positive = positive_choices()
    if not seconds:
        return _worse_than_before(minimum, today, positive)
    # The version is read before the counters: a result is never kept under
    # a version newer than the counters it was computed from.
    version = counters_version(today)
    key = "polls:attention:cusum:{}:{}:{}:{}".format(
        today.isoformat(), minimum, ",".join(map(str, positive)), version
    )
    found = cache.get(key)
    if found is None:
        found = _worse_than_before(minimum, today, positive)
        cache.set(key, found, seconds)
    return found


def positive_choices():
    return sorted(
        Choice.objects.filter(sentiment=Sentiment.POSITIVE).values_list("pk", flat=True)
    )


def counters_version(today):
    """What changes whenever any answer first given on a day the CUSUM reads does.

    Every move of those days writes their ``SiteDailyCount`` rows
    (``moves`` + 1), a new row has a higher id, and rows only go (a deleted
    choice, a rebuild) with their answers: so (rows, moves, highest id) never
    comes back to an earlier value while the days differ. At most one row
    per choice and day: the same cost with a thousand votes or a million.
    """
    recent_start = today - datetime.timedelta(days=RECENT_DAYS)
    baseline_start = recent_start - datetime.timedelta(days=BASELINE_DAYS)
    row = SiteDailyCount.objects.filter(
        date__gte=baseline_start, date__lt=today
    ).aggregate(rows=Count("pk"), moves=Sum("moves"), last=Max("pk"))
    return "{rows}-{moves}-{last}".format(**row)


def _worse_than_before(minimum, today, positive):
    recent_start = today - datetime.timedelta(days=RECENT_DAYS)
    baseline_start = recent_start - datetime.timedelta(days=BASELINE_DAYS)
    counters = DailyCount.objects.order_by()
    helpful = Coalesce(Sum("count", filter=Q(choice__in=positive)), 0)
    # The baseline as one sum per page; only the last 30 days day by day.
    baseline = {
        page: (before_positive, before_total)
        for page, before_total, before_positive in counters.filter(
            date__gte=baseline_start, date__lt=recent_start
        )
        .values_list("page")
        .annotate(responses=Sum("count"), positive=helpful)
    }
    recent = defaultdict(list)
    rows = (
        counters.filter(date__gte=recent_start, date__lt=today)
        .values("page", "date")
        .annotate(responses=Sum("count"), positive=helpful)
        .order_by("page", "date")
        .values_list("page", "responses", "positive")  # in date order, undated
    )
    for page, responses, day_positive in rows.iterator(chunk_size=5000):
        recent[page].append((day_positive, responses))
    figure = _(
        "%(recent).0f%% helpful in the last 30 days, down from "
        "%(before).0f%% in the 90 days before (CUSUM %(score).1f, "
        "alarm at %(limit).1f)"
    )
    found = {}
    for page_id, days in recent.items():
        before_positive, before_total = baseline.get(page_id, (0, 0))
        recent_total = sum(n for _, n in days)
        if min(before_total, recent_total) < minimum:
            continue
        rate = before_positive / before_total
        score = cusum(days, rate)
        limit = threshold(before_total * 365 / BASELINE_DAYS)
        if score > limit:
            recent_rate = sum(p for p, _ in days) / recent_total
            found[page_id] = Trigger(
                WORSE,
                figure
                % {
                    "recent": 100 * recent_rate,
                    "before": 100 * rate,
                    "score": score,
                    "limit": limit,
                },
                severity=score / limit,
            )
    return found


def below_site(minimum, today=None):
    """{page id: Trigger} for pages clearly below the site's 30-day rate."""
    today = today or timezone.localdate()
    rows = [
        {"page": page, "responses": responses, "positive": positive}
        for page, responses, positive in PageTotal.objects.annotate(
            recent_today=recent_as_of_day(today)
        )
        .order_by()
        .values_list("page")
        .annotate(
            responses=Sum("recent_today"),
            positive=Coalesce(Sum("recent_today", filter=POSITIVE), 0),
        )
        .filter(responses__gt=0)
    ]
    site_total = sum(row["responses"] for row in rows)
    if not site_total:
        return {}
    site_rate = sum(row["positive"] for row in rows) / site_total
    rows = [row for row in rows if row["responses"] >= minimum]
    p_values = inference.lower_tail_p_values(
        [row["positive"] for row in rows], [row["responses"] for row in rows], site_rate
    )
    adjusted = inference.adjusted_p_values(p_values)
    figure = _(
        "%(rate).0f%% helpful (%(count)s answers) in the last 30 days, "
        "against %(site).0f%% for the whole site"
    )
    found = {}
    for row, p in zip(rows, adjusted, strict=True):
        if p < inference.ALPHA:
            found[row["page"]] = Trigger(
                BELOW_SITE,
                figure
                % {
                    "rate": 100 * row["positive"] / row["responses"],
                    "count": row["responses"],
                    "site": 100 * site_rate,
                },
                severity=1 - p,
            )
    return found


def comments_to_triage():
    """{page id: Trigger} for pages with negative comments still marked New."""
    # Negative choices first (a few rows), so the answers are found through
    # the small "to triage" index rather than by joining every answer.
    negative = list(
        Choice.objects.filter(sentiment=Sentiment.NEGATIVE).values_list("pk", flat=True)
    )
    rows = (
        Response.objects.filter(triage_status=TriageStatus.NEW, choice__in=negative)
        .exclude(comment="")
        .exclude(page=None)
        .order_by()
        .values("page")
        .annotate(waiting=Count("pk"))
    )
    return {
        row["page"]: Trigger(
            COMMENTS,
            ngettext(
                "%(count)s negative comment to triage",
                "%(count)s negative comments to triage",
                row["waiting"],
            )
            % {"count": row["waiting"]},
            severity=row["waiting"],
        )
        for row in rows
    }


def needs_attention(minimum, today=None):
    """Every page that needs attention, the most pressing first."""
    today = today or timezone.localdate()
    by_page = defaultdict(list)
    for found in (
        worse_than_before(minimum, today),
        below_site(minimum, today),
        comments_to_triage(),
    ):
        for page_id, trigger in found.items():
            by_page[page_id].append(trigger)
    titles = dict(Page.objects.filter(pk__in=by_page).values_list("pk", "title"))
    entries = [
        Entry(page_id, titles[page_id], triggers)
        for page_id, triggers in by_page.items()
        if page_id in titles
    ]
    order = {WORSE: 0, BELOW_SITE: 1, COMMENTS: 2}
    entries.sort(
        key=lambda e: (
            -len(e.triggers),
            min(order[t.kind] for t in e.triggers),
            -max(t.severity for t in e.triggers),
            e.title,
        )
    )
    return entries
