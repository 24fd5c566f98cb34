"""The follow-up reasons before and after an edit: each one's share, and a
test of whether their mix shifted."""

from polls.insight import inference
from polls.insight.edit_effects.comparison import format_p
from polls.models import DailyReasonCount, Reason


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
