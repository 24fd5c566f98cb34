"""The days each figure editors see covers, named the same way everywhere.

"Last 30 days" means the 30 complete days up to yesterday on the dashboard
panel, the reports, "Needs attention" and the digest alike, so the same
label always counts the same answers. Complete days, because "Needs
attention" tests complete days only (its result holds for the day), and a
figure that changes while an editor reads it cannot be compared with one
that does not. Today's answers are shown on their own, as "Today so far",
and in every all-time figure. Each label carries its dates.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from django.utils.dateformat import format as format_date
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

DAY = datetime.timedelta(days=1)


def date_range(start, end):
    """ "2 Nov – 1 Dec 2026", "20 Dec 2026 – 18 Jan 2027", or one day."""
    if start == end:
        return format_date(end, "j M Y")
    start_format = "j M" if start.year == end.year else "j M Y"
    return f"{format_date(start, start_format)} – {format_date(end, 'j M Y')}"


@dataclass(frozen=True)
class Period:
    """From ``start`` to ``end``, both included; ``None`` for an open end."""

    name: str
    start: datetime.date | None = None
    end: datetime.date | None = None

    @property
    def is_bounded(self):
        return self.start is not None and self.end is not None

    @property
    def days(self):
        return (self.end - self.start).days + 1 if self.is_bounded else None

    @property
    def dates(self):
        return date_range(self.start, self.end) if self.is_bounded else ""

    @property
    def slug(self):
        """For file names: "2026-11-02-to-2026-12-01", "from-…", "to-…", "all-time"."""
        if self.is_bounded:
            return f"{self.start:%Y-%m-%d}-to-{self.end:%Y-%m-%d}"
        if self.start:
            return f"from-{self.start:%Y-%m-%d}"
        if self.end:
            return f"to-{self.end:%Y-%m-%d}"
        return "all-time"

    @property
    def label(self):
        """ "Last 30 days (2 Nov – 1 Dec 2026)", "All time", "2 Nov – 9 Nov 2026"."""
        if not self.name or not self.dates:
            return f"{self.name}{self.dates}"
        return f"{self.name} ({self.dates})"

    def __str__(self):
        return self.label


def last_days(days, today=None):
    """The ``days`` complete days before ``today``: what "Last N days" means."""
    end = (today or timezone.localdate()) - DAY
    return Period(
        ngettext("Last day", "Last %(days)s days", days) % {"days": days},
        end - (days - 1) * DAY,
        end,
    )


def days_before(period, days):
    """The ``days`` days just before ``period``, e.g. a baseline."""
    end = period.start - DAY
    return Period(
        ngettext("the day before", "the %(days)s days before", days) % {"days": days},
        end - (days - 1) * DAY,
        end,
    )


def today_so_far(today=None):
    today = today or timezone.localdate()
    return Period(_("Today so far"), today, today)


def between(start, end, today=None):
    """A period an editor chose (a report's date filter); either end may be open.

    Named "Last N days" when it is exactly those days.
    """
    if start and end:
        if end >= start:
            recent = last_days((end - start).days + 1, today)
            if (recent.start, recent.end) == (start, end):
                return recent
        return Period("", start, end)
    if start:
        return Period(_("Since %(day)s") % {"day": format_date(start, "j M Y")}, start)
    if end:
        return Period(_("Up to %(day)s") % {"day": format_date(end, "j M Y")}, end=end)
    return ALL_TIME


ALL_TIME = Period(gettext_lazy("All time"))
