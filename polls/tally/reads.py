"""What a vote reads before it is counted: its page, and its choice with the poll.

The same read is the first part of a first answer's one statement on
PostgreSQL (``polls.tally.arrivals.counted_vote``); here it runs alone
(SQLite, and an answer given before). The rows become model instances
without the queryset machinery, which cost more to build than the read
costs to run; only the fields the vote path reads are loaded, the others
deferred as with ``only()``. The page is a ``LivePage``, not Wagtail's
model. When ``vote_target`` finds nothing, ``live_page`` and
``choice_with_poll`` tell which is missing.
"""

from dataclasses import dataclass

from django.db import connection
from wagtail.models import Page

from polls.models import Choice, Poll
from polls.tally import sql


@dataclass(frozen=True)
class LivePage:
    """What a vote reads of the live page it answers: ``record_vote`` takes
    it where it takes a ``Page``."""

    pk: int
    title: str
    live_revision_id: int | None
    live = True

    @property
    def url(self):
        """The page's URL, read only when asked (the reply without JavaScript)."""
        page = live_page(self.pk)
        return page.url if page else None


def vote_target(page_id, choice_id):
    """``(LivePage, choice with its poll)``, or None if either is missing."""
    with connection.cursor() as cursor:
        cursor.execute(sql.target()[0], target_values(page_id, choice_id))
        row = cursor.fetchone()
    return None if row is None else target_from_row(row)


def target_values(page_id, choice_id):
    """The values of ``sql.target()``."""
    return [page_id, True, choice_id]


def target_from_row(row):
    """``(LivePage, choice with its poll)`` from a row of ``sql.target()``."""
    _sql, page_fields, choice_fields, poll_fields = sql.target()
    pages, choices = len(page_fields), len(page_fields) + len(choice_fields)
    page = LivePage(**dict(zip(page_fields, row[:pages], strict=True)))
    choice = Choice.from_db(connection.alias, choice_fields, row[pages:choices])
    choice.poll = Poll.from_db(connection.alias, poll_fields, row[choices:])
    return page, choice


def live_page(page_id):
    """The live page ``page_id`` (a few fields), or None."""
    statement, fields = sql.live_page()
    with connection.cursor() as cursor:
        cursor.execute(statement, [page_id, True])
        row = cursor.fetchone()
    return None if row is None else Page.from_db(connection.alias, fields, row)


def choice_with_poll(choice_id):
    """The choice ``choice_id`` with its poll attached, or None."""
    statement, choice_fields, poll_fields = sql.choice_with_poll()
    with connection.cursor() as cursor:
        cursor.execute(statement, [choice_id])
        row = cursor.fetchone()
    if row is None:
        return None
    split = len(choice_fields)
    choice = Choice.from_db(connection.alias, choice_fields, row[:split])
    choice.poll = Poll.from_db(connection.alias, poll_fields, row[split:])
    return choice
