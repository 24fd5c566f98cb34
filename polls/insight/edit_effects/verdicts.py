"""Each edit's test and verdict, held to a bound on repeated looks.

Windows grow a week at a time, so an edit is tested at most ``MAX_LOOKS``
times however often an editor looks; a verdict needs p < ``LOOK_ALPHA``,
a Bonferroni split of the error allowance over those looks. One page's
edits are tested together, their p-values adjusted with Benjamini–Hochberg
first.
"""

from django.utils import timezone

from polls.insight import inference
from polls.insight.edit_effects.comparison import (
    DEFAULT_MINIMUM,
    DETECTABLE_CHANGE,
    LESS,
    MORE,
    NO_CHANGE,
    Comparison,
    Side,
)
from polls.insight.edit_effects.windows import (
    MAX_WINDOW_DAYS,
    WEEK,
    published_edits,
    windows_around,
)
from polls.insight.stats import Helpfulness
from polls.models import DailyCount, SiteDailyCount

MAX_LOOKS = MAX_WINDOW_DAYS // WEEK
LOOK_ALPHA = inference.ALPHA / MAX_LOOKS


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
