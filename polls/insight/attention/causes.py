"""Why a page needs attention: the three causes, each with the figure behind it.

``statistical_findings`` computes "got worse" (the CUSUM of
``polls.insight.inference`` over each page's ``cusum_window`` rows) and
"below the site" (a binomial test with Benjamini–Hochberg) together, from
one read, and keeps them for the day, the most pressing first;
``comments_to_triage`` counts the negative comments still marked "New".
"""

import math
from dataclasses import dataclass

from django.contrib.humanize.templatetags.humanize import intcomma
from django.db.models import Count
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from polls.insight import cusum_window, inference
from polls.insight.cusum_window import BASELINE_DAYS, counters_version
from polls.insight.daily_cache import kept_for_the_day
from polls.insight.stats import whole_percent
from polls.models import Choice, Response, Sentiment, TriageStatus

WORSE, BELOW_SITE, COMMENTS = "worse", "below_site", "comments"


@dataclass
class Trigger:
    """One cause, with the numbers behind it; ``figure`` says them in words.

    The words are put together when a trigger is shown, not when it is
    found: a list finds hundreds and shows a few, and a cached trigger is
    then said in the language of whoever reads it.
    """

    kind: str
    severity: float = 0.0
    answers: int = 0  # in the last 30 days; for comments, the ones waiting
    rate: float = 0.0  # percent helpful in the last 30 days
    compared: float = 0.0  # percent it is tested against: before, or the site
    url: str = ""  # where the work is, if not the page's report (``listed``)

    def fields(self):
        """The trigger as the plain tuple it is kept as: ``Trigger(*fields)``."""
        return (
            self.kind,
            self.severity,
            self.answers,
            self.rate,
            self.compared,
            self.url,
        )

    @property
    def figure(self):
        if self.kind == COMMENTS:
            return ngettext(
                "%(count)s negative comment to triage",
                "%(count)s negative comments to triage",
                self.answers,
            ) % {"count": self.answers}
        numbers = {
            "rate": whole_percent(self.rate),
            "compared": whole_percent(self.compared),
            "count": intcomma(self.answers),
        }
        if self.kind == WORSE:
            return (
                _(
                    "Fell from %(compared)s%% helpful in the 90 days before to "
                    "%(rate)s%% in the last 30 days (%(count)s answers): more "
                    "than chance explains."
                )
                % numbers
            )
        return (
            _(
                "%(rate)s%% helpful in the last 30 days (%(count)s answers), "
                "against %(compared)s%% for the whole site: further below it "
                "than chance explains."
            )
            % numbers
        )


def worse_than_before(minimum, today):
    """{page id: Trigger} for pages whose CUSUM is above their threshold."""
    return statistical_causes(minimum, today)[WORSE]


def below_site(minimum, today=None):
    """{page id: Trigger} for pages clearly below the site's 30-day rate."""
    return statistical_causes(minimum, today or timezone.localdate())[BELOW_SITE]


# A page with more causes is more pressing, then by its most pressing kind,
# then by how far past its line it is; ties go to the older page.
KIND_ORDER = {WORSE: 0, BELOW_SITE: 1, COMMENTS: 2}


def pressing(finding):
    """The sort key of a finding: (page id, (trigger fields, ...))."""
    page_id, triggers = finding
    return (
        -len(triggers),
        min(KIND_ORDER[fields[0]] for fields in triggers),
        -max(fields[1] for fields in triggers),
        page_id,
    )


def statistical_findings(minimum, today):
    """[(page id, (trigger fields, ...))] of the pages that got worse or trail
    the site, the most pressing first.

    Both causes read complete days only, so they are computed once and kept
    for the day (``polls.insight.daily_cache``), in order and as plain
    tuples (``Trigger.fields``): reading back four hundred of them costs
    little, and a screen makes ``Trigger`` objects of the few it shows.
    """

    def compute(positive, version):
        causes = _statistical_causes(minimum, today, positive, version)
        by_page = {}
        for found in (causes[WORSE], causes[BELOW_SITE]):
            for page_id, trigger in found.items():
                by_page.setdefault(page_id, []).append(trigger.fields())
        findings = [(page_id, tuple(fields)) for page_id, fields in by_page.items()]
        return sorted(findings, key=pressing)

    return kept_for_the_day("findings", today, compute, minimum)


def statistical_causes(minimum, today):
    """{WORSE: {page id: Trigger}, BELOW_SITE: {page id: Trigger}}."""
    found = {WORSE: {}, BELOW_SITE: {}}
    for page_id, triggers in statistical_findings(minimum, today):
        for fields in triggers:
            found[fields[0]][page_id] = Trigger(*fields)
    return found


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
                severity=score / limit,
                answers=recent_total,
                rate=100 * recent_positive / recent_total,
                compared=100 * rate,
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
    spread = math.sqrt(site_rate * (1 - site_rate))
    found = {}
    for (page_id, positive, responses), p in zip(rows, adjusted, strict=True):
        if p < inference.ALPHA:
            # How many standard errors below the site: unlike p, which is
            # 0.0 for every page far below it with a few hundred answers,
            # it still puts the furthest below first.
            shortfall = site_rate - positive / responses
            found[page_id] = Trigger(
                BELOW_SITE,
                severity=shortfall * math.sqrt(responses) / spread if spread else 1,
                answers=responses,
                rate=100 * positive / responses,
                compared=100 * site_rate,
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
        row["page"]: Trigger(COMMENTS, severity=row["waiting"], answers=row["waiting"])
        for row in rows
    }
