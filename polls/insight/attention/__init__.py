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
- **Below the site.** Over the same last 30 complete days, a one-sided
  binomial test of the page's rate against the whole site's, with
  Benjamini–Hochberg across all pages (5% false discoveries), so a
  thousand pages tested together do not flag dozens by chance.
- **Comments to triage.** Negative answers with a comment still marked
  "New". Triaging them takes the page off the list.

Neither statistical cause fires before both the page's recent and baseline
answers reach the minimum (``PollSettings.minimum_per_side``). Figures come
from the counters (``DailyCount``, ``SiteDailyCount``), never from the
responses; only the comments waiting for triage are counted among the
answers, through a small partial index. Both statistical causes read
complete days only, so their result is kept in the cache for the day
(``POLLS_ATTENTION_CACHE_SECONDS``), under a version of those days that
any change to their answers moves (``counters_version``); the days
themselves are kept one row per page (``polls.insight.cusum_window``), so even
an uncached view reads a row a page, not 120 days of counters.
"""

import math
from collections import defaultdict
from dataclasses import dataclass, field

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.cache import cache
from django.db.models import Count
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from wagtail.models import Page

from polls import conf
from polls.insight import cusum_window, inference, periods
from polls.insight.cusum_window import BASELINE_DAYS, counters_version
from polls.insight.stats import whole_percent
from polls.models import (
    Choice,
    Response,
    Sentiment,
    TriageStatus,
)
from polls.models.counters import RECENT_DAYS

DROP = 0.10  # the change the CUSUM watches for

WORSE, BELOW_SITE, COMMENTS = "worse", "below_site", "comments"


@dataclass
class Trigger:
    kind: str
    figure: str
    severity: float = 0.0
    answers: int = 0  # in the last 30 days, for the statistical causes
    url: str = ""  # where the work is, if not the page's report (``listed``)


@dataclass
class Entry:
    page_id: int
    triggers: list = field(default_factory=list)
    title: str = ""  # set by ``listed``, as is ``url`` (the page's report)
    url: str = ""

    @property
    def kinds(self):
        return {trigger.kind for trigger in self.triggers}


def method_context(minimum, today=None):
    """What "How is this decided?" says: the days tested, the minimum, the link."""
    period = periods.last_days(RECENT_DAYS, today)
    return {
        "period": period,
        "baseline": periods.days_before(period, BASELINE_DAYS),
        "minimum": minimum,
        "method_url": conf.get("POLLS_METHOD_URL"),
    }


def log_ratios(baseline_rate, drop=DROP):
    """(helpful, unhelpful): what one answer of each kind adds to the CUSUM."""
    watched = max(baseline_rate - drop, 0.01)
    baseline = min(max(baseline_rate, watched + 0.01), 0.99)
    return math.log(watched / baseline), math.log((1 - watched) / (1 - baseline))


def cusum(days, baseline_rate, drop=DROP):
    """The Bernoulli CUSUM after ``days`` of (positive, responses) answers."""
    helpful, unhelpful = log_ratios(baseline_rate, drop)
    total = 0.0
    for positive, responses in days:
        total = max(
            0.0, total + positive * helpful + (responses - positive) * unhelpful
        )
    return total


def cusums(days, baseline_rates):
    """``cusum`` of many pages at once: ``days`` is a (pages, days, 2) array.

    The same arithmetic in the same order, a day at a time for every page
    together, so each score is exactly ``cusum``'s; a Python loop over a
    thousand pages × 30 days took longer than the rest of the report.
    numpy is imported here, not at the top, for the reason scipy is in
    ``polls.insight.inference``: serving an article never needs it.
    """
    import numpy as np

    weights = np.array([log_ratios(rate) for rate in baseline_rates]).reshape(-1, 2)
    helpful, unhelpful = weights[:, 0], weights[:, 1]
    total = np.zeros(len(weights))
    for day in range(days.shape[1]):
        positive, responses = days[:, day, 0], days[:, day, 1]
        total = np.maximum(
            0.0, total + positive * helpful + (responses - positive) * unhelpful
        )
    return [float(score) for score in total]


def threshold(answers_per_year):
    """h = ln(answers a year): one false alarm per article-year at most (Wald)."""
    return math.log(max(answers_per_year, math.e))


def worse_than_before(minimum, today):
    """{page id: Trigger} for pages whose CUSUM is above their threshold."""
    return statistical_causes(minimum, today)[WORSE]


def below_site(minimum, today=None):
    """{page id: Trigger} for pages clearly below the site's 30-day rate."""
    return statistical_causes(minimum, today or timezone.localdate())[BELOW_SITE]


def statistical_causes(minimum, today):
    """{WORSE: {page id: Trigger}, BELOW_SITE: {page id: Trigger}}.

    Both read complete days only, so they are computed once and kept in the
    cache under what they depend on: the day, the minimum, which choices
    are positive and ``counters_version`` of the days they read. A vote
    today changes none of them; a changed old answer, a spam mark or a
    deleted page changes the version, so the result is never stale.
    """
    seconds = conf.get("POLLS_ATTENTION_CACHE_SECONDS")
    positive = positive_choices()
    if not seconds:
        return _statistical_causes(minimum, today, positive)
    # The version is read before the counters: a result is never kept under
    # a version newer than the counters it was computed from.
    version = counters_version(today)
    key = "polls:attention:causes:{}:{}:{}:{}".format(
        today.isoformat(), minimum, ",".join(map(str, positive)), version
    )
    found = cache.get(key)
    if found is None:
        found = _statistical_causes(minimum, today, positive, version)
        cache.set(key, found, seconds)
    return found


def last_30_days_by_page(today=None):
    """Each page's answers in the last 30 complete days (``CusumPage`` rows):
    what the dashboard ranks, so its figures are the ones listed here."""
    today = today or timezone.localdate()
    positive = positive_choices()
    return cusum_window.recent_by_page(today, positive, counters_version(today))


def positive_choices():
    return sorted(
        Choice.objects.filter(sentiment=Sentiment.POSITIVE).values_list("pk", flat=True)
    )


def _statistical_causes(minimum, today, positive, version=None):
    version = version or counters_version(today)
    rows = list(cusum_window.answered_pages(today, positive, version))
    return {
        WORSE: _worse_than_before(minimum, rows),
        BELOW_SITE: _below_site(minimum, rows),
    }


def _worse_than_before(minimum, rows):
    """The CUSUM of the ``answered_pages`` rows with enough answers on both sides."""
    minimum = max(minimum, 1)
    rows = [row for row in rows if row[2] >= minimum and row[4] >= minimum]
    rates = [row[1] / row[2] for row in rows]  # before: positive / responses
    scores = cusums(cusum_window.days_array([row[5] for row in rows]), rates)
    found = {}
    for row, rate, score in zip(rows, rates, scores, strict=True):
        page_id, _positive, before_total, recent_positive, recent_total, _days = row
        limit = threshold(before_total * 365 / BASELINE_DAYS)
        if score > limit:
            found[page_id] = Trigger(
                WORSE,
                _(
                    "Fell from %(before)s%% helpful in the 90 days before to "
                    "%(recent)s%% in the last 30 days (%(count)s answers): more "
                    "than chance explains."
                )
                % {
                    "before": whole_percent(100 * rate),
                    "recent": whole_percent(100 * recent_positive / recent_total),
                    "count": intcomma(recent_total),
                },
                severity=score / limit,
                answers=recent_total,
            )
    return found


def _below_site(minimum, rows):
    """The binomial test of the ``answered_pages`` rows against the site."""
    rows = [(page, positive, responses) for page, _, _, positive, responses, _ in rows]
    site_total = sum(responses for _page, _positive, responses in rows)
    if not site_total:
        return {}
    site_rate = sum(positive for _page, positive, _responses in rows) / site_total
    rows = [row for row in rows if row[2] >= minimum]
    p_values = inference.lower_tail_p_values(
        [positive for _page, positive, _responses in rows],
        [responses for _page, _positive, responses in rows],
        site_rate,
    )
    adjusted = inference.adjusted_p_values(p_values)
    found = {}
    for (page_id, positive, responses), p in zip(rows, adjusted, strict=True):
        if p < inference.ALPHA:
            found[page_id] = Trigger(
                BELOW_SITE,
                _(
                    "%(rate)s%% helpful in the last 30 days (%(count)s answers), "
                    "against %(site)s%% for the whole site: further below it "
                    "than chance explains."
                )
                % {
                    "rate": whole_percent(100 * positive / responses),
                    "count": intcomma(responses),
                    "site": whole_percent(100 * site_rate),
                },
                severity=1 - p,
                answers=responses,
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
    """Every page that needs attention, the most pressing first.

    The entries have no titles or links yet: a list shows a few of them (a
    page of the report, the top of the panel or the digest), and ``listed``
    adds them to those. Ties go to the older page.
    """
    today = today or timezone.localdate()
    by_page = defaultdict(list)
    causes = statistical_causes(minimum, today)
    for found in (causes[WORSE], causes[BELOW_SITE], comments_to_triage()):
        for page_id, trigger in found.items():
            by_page[page_id].append(trigger)
    entries = [Entry(page_id, triggers) for page_id, triggers in by_page.items()]
    order = {WORSE: 0, BELOW_SITE: 1, COMMENTS: 2}
    entries.sort(
        key=lambda e: (
            -len(e.triggers),
            min(order[t.kind] for t in e.triggers),
            -max(t.severity for t in e.triggers),
            e.page_id,
        )
    )
    return entries


def listed(entries):
    """``entries`` with their pages' titles (one query) and links: the page's
    report, and for comments the comments report filtered to that page's
    comments still marked "New".

    The links come from one ``reverse`` each: reversing each of a report
    page's 50 links took a fifth of its time.
    """
    titles = dict(
        Page.objects.filter(pk__in=[e.page_id for e in entries]).values_list(
            "pk", "title"
        )
    )
    head, _zero, tail = reverse("polls_admin:page_helpfulness", args=[0]).rpartition(
        "/0/"
    )
    comments = reverse("polls_comments:index")
    for entry in entries:
        entry.title = titles.get(entry.page_id, "")
        entry.url = f"{head}/{entry.page_id}/{tail}"
        for trigger in entry.triggers:
            if trigger.kind == COMMENTS:
                trigger.url = (
                    f"{comments}?page={entry.page_id}&triage_status={TriageStatus.NEW}"
                )
    return entries
