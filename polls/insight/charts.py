"""A daily bar chart as plain numbers, for a server-rendered SVG.

No chart library, no script and no style attribute: the template draws
``<rect>`` elements from these coordinates and a stylesheet colours them, so
the chart passes a strict Content-Security-Policy and works without JS.
"""

import datetime
from dataclasses import dataclass

from polls.models import Sentiment


@dataclass(frozen=True)
class Segment:
    sentiment: str
    y: float
    height: float


@dataclass(frozen=True)
class Bar:
    date: datetime.date
    x: float
    width: float
    responses: int
    positive: int
    negative: int
    segments: tuple
    is_edit_day: bool = False

    @property
    def center(self):
        return round(self.x + self.width / 2, 2)

    @property
    def neutral(self):
        return self.responses - self.positive - self.negative


@dataclass(frozen=True)
class DailyChart:
    bars: tuple
    width: int
    height: int
    top: int  # the value the full height stands for

    @property
    def edit_bars(self):
        return [bar for bar in self.bars if bar.is_edit_day]

    @property
    def total(self):
        return sum(bar.responses for bar in self.bars)

    @property
    def max_day(self):
        return max((bar.responses for bar in self.bars), default=0)


def nice_ceiling(value):
    """The smallest of 1, 2, 5, 10, 20, 50… that is at least ``value``."""
    step = 1
    while True:
        for factor in (1, 2, 5):
            if step * factor >= value:
                return step * factor
        step *= 10


def daily_chart(rows, start, end, width=800, height=200, edit_days=()):
    """One stacked bar per day from ``start`` to ``end``, days without answers too.

    ``rows`` are ``DailyCount.objects.by_day()`` rows: dicts with ``date``,
    ``responses``, ``positive`` and ``negative``. Days in ``edit_days`` (when
    an edit was published) are marked.
    """
    edit_days = set(edit_days)
    by_date = {row["date"]: row for row in rows}
    days = (end - start).days + 1
    step = width / days
    gap = step * 0.2 if days <= 90 else 0
    top = nice_ceiling(max((row["responses"] or 0 for row in rows), default=0) or 1)
    bars = []
    for index in range(days):
        date = start + datetime.timedelta(days=index)
        row = by_date.get(date, {})
        responses = row.get("responses") or 0
        positive = row.get("positive") or 0
        negative = row.get("negative") or 0
        segments, y = [], float(height)
        for sentiment, count in (
            (Sentiment.POSITIVE, positive),
            (Sentiment.NEGATIVE, negative),
            (Sentiment.NEUTRAL, responses - positive - negative),
        ):
            if count:
                segment_height = height * count / top
                y -= segment_height
                segments.append(
                    Segment(str(sentiment), round(y, 2), round(segment_height, 2))
                )
        bars.append(
            Bar(
                date=date,
                x=round(index * step + gap / 2, 2),
                width=round(step - gap, 2),
                responses=responses,
                positive=positive,
                negative=negative,
                segments=tuple(segments),
                is_edit_day=date in edit_days,
            )
        )
    return DailyChart(bars=tuple(bars), width=width, height=height, top=top)
