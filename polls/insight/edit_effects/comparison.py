"""One published edit compared: its two sides, what they say, how it reads.

A ``Comparison`` holds the page's and the site's answers on each side of
the edit (``Side``, with its Wilson interval), and the test's result and
verdict once ``polls.insight.edit_effects.verdicts`` has judged it.
"""

import datetime
from dataclasses import dataclass

from django.utils.translation import gettext as _

from polls.insight import inference
from polls.insight.edit_effects.windows import Window
from polls.insight.stats import Helpfulness

DETECTABLE_CHANGE = 0.10  # the change the "about N more" figure plans for
DEFAULT_MINIMUM = 30

MORE, LESS, NO_CHANGE, TOO_FEW = "more", "less", "no_change", "too_few"


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
