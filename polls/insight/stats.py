"""How helpful a page is, said honestly when the sample is small.

A plain "% positive" ranks a page with 1 "Yes" out of 1 above one with 95 out
of 100. The Wilson score interval's lower bound answers "how helpful is this
page at least, with 95% confidence?", so few answers pull the score down and
pages can be ranked fairly. Each figure comes in two forms that must agree: a
Python function for one page and a SQL expression for sorting many.
"""

import math
from dataclasses import dataclass

from django.contrib.humanize.templatetags.humanize import intcomma
from django.db.models import Case, F, FloatField, Value, When
from django.db.models.functions import Cast, Coalesce, Sqrt
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

Z_95 = 1.96  # two-sided 95% confidence


def percent(positive, total):
    """``positive`` as a percentage of ``total``; None when there is no answer."""
    if not total:
        return None
    return 100.0 * positive / total


def wilson_lower_bound(positive, total, z=Z_95):
    """Lower bound of the Wilson score interval for ``positive`` out of ``total``.

    Written as (k + z²/2 − z·√(k(n−k)/n + z²/4)) / (n + z²), which is the
    textbook formula multiplied through by n, so that SQL can compute it from
    the two integer counts (see ``wilson_lower_bound_expression``).
    """
    if not total:
        return None
    k, n, z2 = positive, total, z * z
    return (k + z2 / 2 - z * math.sqrt(k * (n - k) / n + z2 / 4)) / (n + z2)


def _as_float(name):
    return Cast(Coalesce(F(name), Value(0)), FloatField())


def percent_expression(positive, total):
    """SQL for ``percent`` from two annotation names; NULL when ``total`` is 0."""
    k, n = _as_float(positive), _as_float(total)
    return Case(
        When(**{f"{total}__gt": 0}, then=Value(100.0) * k / n),
        default=None,
        output_field=FloatField(),
    )


def wilson_lower_bound_expression(positive, total, minimum=1, z=Z_95):
    """SQL for ``wilson_lower_bound``; NULL below ``minimum`` answers.

    ``positive`` and ``total`` name annotations (aggregates are fine). Casts
    keep PostgreSQL and SQLite from dividing integers; both have SQRT (Django
    registers it on SQLite).
    """
    k, n, z2 = _as_float(positive), _as_float(total), z * z
    bound = (k + Value(z2 / 2) - Value(z) * Sqrt(k * (n - k) / n + Value(z2 / 4))) / (
        n + Value(z2)
    )
    return Case(
        When(**{f"{total}__gte": max(minimum, 1)}, then=bound),
        default=None,
        output_field=FloatField(),
    )


def is_under_minimum_expression(total, minimum):
    """SQL: 1 for pages with too few answers to rank, else 0 (sorts them last)."""
    return Case(
        When(**{f"{total}__lt": minimum}, then=Value(1)),
        default=Value(0),
    )


def whole_percent(value):
    """78.5 → "79": halves round up, as readers expect."""
    return str(math.floor(value + 0.5))


@dataclass(frozen=True)
class Helpfulness:
    """One page's (or one revision's) answers, with the figures editors see."""

    responses: int
    positive: int
    negative: int = 0
    minimum: int = 1

    @classmethod
    def from_row(cls, row, minimum=1):
        return cls(
            responses=row.get("responses") or 0,
            positive=row.get("positive") or 0,
            negative=row.get("negative") or 0,
            minimum=minimum,
        )

    @property
    def percent_positive(self):
        return percent(self.positive, self.responses)

    @property
    def is_ranked(self):
        return self.responses >= max(self.minimum, 1)

    @property
    def wilson(self):
        if not self.is_ranked:
            return None
        return wilson_lower_bound(self.positive, self.responses)

    @property
    def score_percent(self):
        """The Wilson lower bound as a whole percentage, e.g. "71"; None if unranked."""
        wilson = self.wilson
        return None if wilson is None else whole_percent(100 * wilson)

    def summary(self):
        """e.g. "78% helpful, 212 answers": a percentage never comes alone."""
        if not self.responses:
            return _("No answers yet")
        return ngettext(
            "%(percent)s%% helpful, %(count)s answer",
            "%(percent)s%% helpful, %(count)s answers",
            self.responses,
        ) % {
            "percent": whole_percent(self.percent_positive),
            "count": intcomma(self.responses),
        }
