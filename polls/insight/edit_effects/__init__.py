"""Did an edit help? Answers before and after each published edit, compared honestly.

For each publish of a page after its first one, the answers of the days
before the edit are compared with those of the days after it:

- The two windows have the same length, a whole number of weeks (so both
  cover the same weekdays), at most 90 days, and stop at the neighbouring
  edits. The edit's own day, half old and half new, is in neither; so is
  today, which is not over.
- Because windows grow a week at a time, an edit is tested at most
  ``MAX_LOOKS`` (12) times however often an editor looks. Each test must
  pass p < 0.05 / 12, a Bonferroni split of the 5% error allowance, so the
  chance that an edit that changed nothing is ever called "more" or "less"
  helpful stays under 5%. (``polls/tests/test_edit_effects.py`` simulates
  60 days of daily looks to check.)
- Several edits of one page are tested together, so their p-values are
  adjusted with Benjamini–Hochberg before the threshold is applied.

Everything is read from counters, never from the responses: the page's
sides from ``DailyCount``, the site's from ``SiteDailyCount`` (one row per
choice and day, however many pages), the reasons from ``DailyReasonCount``.
A comparison costs the same with a thousand votes or a million.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import PageLogEntry

from polls.insight import inference
from polls.insight.stats import Helpfulness
from polls.models import DailyCount, DailyReasonCount, Reason, SiteDailyCount

MAX_WINDOW_DAYS = 90
WEEK = 7
MAX_LOOKS = MAX_WINDOW_DAYS // WEEK
LOOK_ALPHA = inference.ALPHA / MAX_LOOKS
DETECTABLE_CHANGE = 0.10  # the change the "about N more" figure plans for
DEFAULT_MINIMUM = 30

MORE, LESS, NO_CHANGE, TOO_FEW = "more", "less", "no_change", "too_few"


@dataclass(frozen=True)
class Window:
    start: datetime.date
    end: datetime.date

    @property
    def days(self):
        return (self.end - self.start).days + 1


@dataclass(frozen=True)
class Side:
    """One side of the comparison: its days, counts and Wilson interval."""

    window: Window
    helpfulness: Helpfulness

    @property
    def responses(self):
        return self.helpfulness.responses

    @property
    def positive(self):
        return self.helpfulness.positive

    @property
    def rate(self):
        return self.positive / self.responses if self.responses else None

    @property
    def percent(self):
        return self.helpfulness.percent_positive

    @property
    def interval(self):
        bounds = inference.wilson_interval(self.positive, self.responses)
        return None if bounds is None else tuple(100 * b for b in bounds)


@dataclass
class Comparison:
    """One published edit, the two windows around it and what they say."""

    revision_id: int
    published_at: datetime.datetime
    before: Side | None
    after: Side | None
    site_before: Side | None = None
    site_after: Side | None = None
    p_value: float | None = None
    adjusted_p: float | None = None
    change_interval: tuple | None = None
    needed: int | None = None
    minimum: int = DEFAULT_MINIMUM
    verdict: str = TOO_FEW

    @property
    def change(self):
        """Change in percentage points, after − before."""
        if not self.is_measured:
            return None
        return self.after.percent - self.before.percent

    @property
    def site_change(self):
        if not (self.site_before and self.site_after):
            return None
        if not (self.site_before.responses and self.site_after.responses):
            return None
        return self.site_after.percent - self.site_before.percent

    @property
    def sides(self):
        """(name, page side, site side) for a table, before then after."""
        if self.before is None:
            return []
        return [
            ("before", self.before, self.site_before),
            ("after", self.after, self.site_after),
        ]

    @property
    def is_measured(self):
        return bool(self.before and self.before.responses and self.after.responses)

    @property
    def p_display(self):
        return None if self.p_value is None else format_p(self.p_value)

    @property
    def is_tested(self):
        return self.p_value is not None

    @property
    def verdict_text(self):
        if self.verdict == MORE:
            return _("More helpful since this edit (%s)") % format_p(self.p_value)
        if self.verdict == LESS:
            return _("Less helpful since this edit (%s)") % format_p(self.p_value)
        if self.verdict == NO_CHANGE:
            return _("No clear change")
        if self.before is None:
            return _("Too few days to tell yet: each side needs at least a full week")
        return _(
            "Too few answers to tell yet: about %(needed)s more needed to detect "
            "a %(change)s-point change"
        ) % {"needed": self.needed, "change": round(100 * DETECTABLE_CHANGE)}


def format_p(p_value):
    """p-values as people read them: "p = 0.003", "p < 0.001"."""
    if p_value < 0.001:
        return "p < 0.001"
    return f"p = {p_value:.3f}"


def published_edits(page):
    """(revision id, published at) of each day's last publish of ``page``, oldest first.

    Several publishes on one day (a fix straight after an edit) make one
    edit: no day lies between them to compare.
    """
    by_day = {}
    for revision_id, published_at in (
        PageLogEntry.objects.filter(page=page, action="wagtail.publish")
        .exclude(revision=None)
        .order_by("timestamp", "pk")
        .values_list("revision_id", "timestamp")
    ):
        by_day[timezone.localdate(published_at)] = (revision_id, published_at)
    return list(by_day.values())


def windows_around(edit_day, previous_day, next_day, today):
    """Equal windows of whole weeks before and after ``edit_day``; None if none."""
    before_days = MAX_WINDOW_DAYS
    if previous_day is not None:
        before_days = (edit_day - previous_day).days - 1
    last_after = today - datetime.timedelta(days=1)
    if next_day is not None:
        last_after = min(last_after, next_day - datetime.timedelta(days=1))
    after_days = (last_after - edit_day).days
    days = min(MAX_WINDOW_DAYS, before_days, after_days)
    days -= days % WEEK
    if days <= 0:
        return None
    one = datetime.timedelta(days=1)
    span = datetime.timedelta(days=days)
    return (
        Window(edit_day - span, edit_day - one),
        Window(edit_day + one, edit_day + span),
    )


def counted(counters, window, minimum):
    row = counters.for_period(window.start, window.end).totals()
    return Side(window, Helpfulness.from_row(row, minimum=minimum))


def compare_edits(page, minimum=DEFAULT_MINIMUM, today=None, site_totals=None):
    """A ``Comparison`` per published edit of ``page`` after its first, newest first.

    ``site_totals`` is a callable (start, end) → totals row for the whole
    site, so callers can remember it between pages; by default it is summed.
    """
    today = today or timezone.localdate()
    site_totals = site_totals or site_totals_for
    edits = published_edits(page)
    page_counters = DailyCount.objects.filter(page=page)
    comparisons = []
    for index, (revision_id, published_at) in enumerate(edits):
        if index == 0:
            continue  # the first publish has no "before"
        day = timezone.localdate(published_at)
        previous = timezone.localdate(edits[index - 1][1])
        following = edits[index + 1][1] if index + 1 < len(edits) else None
        following = following and timezone.localdate(following)
        windows = windows_around(day, previous, following, today)
        comparison = Comparison(revision_id, published_at, None, None, minimum=minimum)
        if windows:
            before, after = windows
            comparison.before = counted(page_counters, before, minimum)
            comparison.after = counted(page_counters, after, minimum)
            for name, window in (("site_before", before), ("site_after", after)):
                row = site_totals(window.start, window.end)
                setattr(comparison, name, Side(window, Helpfulness.from_row(row)))
        comparisons.append(comparison)
    judge(comparisons, minimum)
    return comparisons[::-1]


def site_totals_for(start, end):
    return SiteDailyCount.objects.for_period(start, end).totals()


def judge(comparisons, minimum):
    """Test every comparison with enough answers and give each its verdict.

    The p-values of one page's edits are tested together, so they are
    adjusted (Benjamini–Hochberg) before each is held to ``LOOK_ALPHA``.
    """
    tested = []
    for comparison in comparisons:
        comparison.minimum = minimum
        before, after = comparison.before, comparison.after
        if before is None:
            continue
        if comparison.is_measured:
            comparison.change_interval = tuple(
                100 * bound
                for bound in inference.difference_interval(
                    (before.positive, before.responses),
                    (after.positive, after.responses),
                )
            )
        if min(before.responses, after.responses) < minimum:
            comparison.needed = more_needed(before, after, minimum)
            continue
        comparison.p_value = inference.exact_p_value(
            (before.positive, before.responses), (after.positive, after.responses)
        )
        tested.append(comparison)
    adjusted = inference.adjusted_p_values([c.p_value for c in tested])
    for comparison, p in zip(tested, adjusted, strict=True):
        comparison.adjusted_p = p
        if p >= LOOK_ALPHA:
            comparison.verdict = NO_CHANGE
        elif comparison.after.rate > comparison.before.rate:
            comparison.verdict = MORE
        else:
            comparison.verdict = LESS
    return comparisons


def more_needed(before, after, minimum):
    """How many more answers, both sides together, a 10-point change needs."""
    rate = before.rate if before.responses else 0.5
    per_side = max(
        minimum,
        inference.sample_size_per_side(rate, DETECTABLE_CHANGE, alpha=LOOK_ALPHA),
    )
    return sum(max(0, per_side - side.responses) for side in (before, after))


def reason_mix(page, comparison):
    """Share of each follow-up reason on each side, and a test of the shift.

    Sums the page's reason counters over the two windows (at most 90 days
    and four reasons a side).
    """
    if comparison.before is None:
        return None
    counters = DailyReasonCount.objects.filter(page=page)
    sides = [
        counters.for_period(side.window.start, side.window.end).by_reason()
        for side in (comparison.before, comparison.after)
    ]
    before, after = sides
    rows = []
    for code, label in Reason.choices:
        rows.append(
            {
                "code": code,
                "label": label,
                "before": before[code],
                "after": after[code],
                "before_share": share(before[code], sum(before.values())),
                "after_share": share(after[code], sum(after.values())),
            }
        )
    p_value = inference.mix_shift_p_value(
        [before[c] for c in Reason.values], [after[c] for c in Reason.values]
    )
    return {
        "rows": rows,
        "p_value": p_value,
        "p_display": None if p_value is None else format_p(p_value),
    }


def share(count, total):
    return 100 * count / total if total else None
