"""Why a page needs attention: the three causes, each with the figure behind it.

``statistical_causes`` computes "got worse" (the CUSUM of
``polls.insight.inference`` over each page's ``cusum_window`` rows) and
"below the site" (a binomial test with Benjamini–Hochberg) together, from
one read, and keeps them in the cache for the day; ``comments_to_triage``
counts the negative comments still marked "New".
"""

from dataclasses import dataclass

from django.contrib.humanize.templatetags.humanize import intcomma
from django.core.cache import cache
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from polls import conf
from polls.insight import cusum_window, inference
from polls.insight.cusum_window import BASELINE_DAYS, counters_version
from polls.insight.stats import whole_percent
from polls.models import Choice, Response, Sentiment, TriageStatus

WORSE, BELOW_SITE, COMMENTS = "worse", "below_site", "comments"


@dataclass
class Trigger:
    kind: str
    figure: str
    severity: float = 0.0
    answers: int = 0  # in the last 30 days, for the statistical causes
    url: str = ""  # where the work is, if not the page's report (``listed``)


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
    scores = inference.cusums(cusum_window.days_array([row[5] for row in rows]), rates)
    found = {}
    for row, rate, score in zip(rows, rates, scores, strict=True):
        page_id, _positive, before_total, recent_positive, recent_total, _days = row
        limit = inference.threshold(before_total * 365 / BASELINE_DAYS)
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
