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

``windows`` picks the edits and their days, ``comparison`` holds one
edit's sides and verdict, ``verdicts`` tests them and ``reasons`` compares
the follow-up reasons.
"""

from polls.insight.edit_effects.comparison import (
    DEFAULT_MINIMUM,
    DETECTABLE_CHANGE,
    LESS,
    MORE,
    NO_CHANGE,
    TOO_FEW,
    Comparison,
    Side,
    format_p,
)
from polls.insight.edit_effects.reasons import reason_mix, share
from polls.insight.edit_effects.verdicts import (
    LOOK_ALPHA,
    MAX_LOOKS,
    compare_edits,
    counted,
    judge,
    more_needed,
    site_totals_for,
)
from polls.insight.edit_effects.windows import (
    MAX_WINDOW_DAYS,
    WEEK,
    Window,
    published_edits,
    windows_around,
)

__all__ = [
    "DEFAULT_MINIMUM",
    "DETECTABLE_CHANGE",
    "LESS",
    "LOOK_ALPHA",
    "MAX_LOOKS",
    "MAX_WINDOW_DAYS",
    "MORE",
    "NO_CHANGE",
    "TOO_FEW",
    "WEEK",
    "Comparison",
    "Side",
    "Window",
    "compare_edits",
    "counted",
    "format_p",
    "judge",
    "more_needed",
    "published_edits",
    "reason_mix",
    "share",
    "site_totals_for",
    "windows_around",
]
