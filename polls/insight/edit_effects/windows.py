"""Which edits are compared, and over which days.

Each day's last publish of a page is one edit. Around it, two windows of
the same length: a whole number of weeks (so both cover the same
weekdays), at most ``MAX_WINDOW_DAYS``, stopping at the neighbouring
edits. The edit's own day, half old and half new, is in neither; so is
today, which is not over.
"""

import datetime
from dataclasses import dataclass

from django.utils import timezone
from wagtail.models import PageLogEntry

MAX_WINDOW_DAYS = 90
WEEK = 7


@dataclass(frozen=True)
class Window:
    start: datetime.date
    end: datetime.date

    @property
    def days(self):
        return (self.end - self.start).days + 1


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
