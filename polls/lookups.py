"""The vote path's reads, as plain SQL built once per process.

A vote reads its page and its choice (with the poll) before it writes.
Through the ORM each read cost more to build than to run (a third of a
vote's time in process, see README "Performance"); here ``vote_target``
reads all three in one prepared statement, and the rows become model
instances without the queryset machinery. Only the fields the vote path
reads are loaded; the others are deferred, as with ``only()``. The page is
a ``LivePage``, not Wagtail's model, which costs more to build than the
vote's insert costs to run. When it finds nothing, ``live_page`` and
``choice_with_poll`` tell which is missing.
"""

from dataclasses import dataclass
from functools import cache

from django.db import connection
from wagtail.models import Page

from polls import prepared
from polls.models import Choice, Poll

PAGE_FIELDS = {"id", "title", "slug", "url_path", "live", "live_revision_id", "depth"}
LIVE_PAGE_FIELDS = {"id", "title", "live_revision_id"}
CHOICE_FIELDS = {"id", "poll_id", "label", "sentiment", "sort_order"}
POLL_FIELDS = {"id", "is_active"}


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
    with prepared.cursor() as cursor:
        cursor.execute(*target_query(page_id, choice_id))
        row = cursor.fetchone()
    return None if row is None else target_from_row(row)


def target_query(page_id, choice_id):
    """``vote_target``'s SQL and values. Its columns are named for what they
    hold (``page_title``, ``choice_poll_id``, ``poll_is_active`` …), so a
    statement can read it as a table (``services``' counted first answer)."""
    return _target_query()[0], [page_id, True, choice_id]


def target_from_row(row):
    """``(LivePage, choice with its poll)`` from a row of ``target_query``."""
    _sql, page_fields, choice_fields, poll_fields = _target_query()
    pages, choices = len(page_fields), len(page_fields) + len(choice_fields)
    page = LivePage(**dict(zip(page_fields, row[:pages], strict=True)))
    choice = Choice.from_db(connection.alias, choice_fields, row[pages:choices])
    choice.poll = Poll.from_db(connection.alias, poll_fields, row[choices:])
    return page, choice


def live_page(page_id):
    """The live page ``page_id`` (a few fields), or None."""
    sql, fields = _page_query()
    with prepared.cursor() as cursor:
        cursor.execute(sql, [page_id, True])
        row = cursor.fetchone()
    return None if row is None else Page.from_db(connection.alias, fields, row)


def choice_with_poll(choice_id):
    """The choice ``choice_id`` with its poll attached, or None."""
    sql, choice_fields, poll_fields = _choice_query()
    with prepared.cursor() as cursor:
        cursor.execute(sql, [choice_id])
        row = cursor.fetchone()
    if row is None:
        return None
    split = len(choice_fields)
    choice = Choice.from_db(connection.alias, choice_fields, row[:split])
    choice.poll = Poll.from_db(connection.alias, poll_fields, row[split:])
    return choice


def _columns(model, wanted, table_alias, prefix=None):
    # from_db() expects the values in the model's field order.
    fields = [f for f in model._meta.concrete_fields if f.attname in wanted]
    quote = connection.ops.quote_name
    columns = ", ".join(
        f"{table_alias}.{quote(f.column)}"
        + (f" AS {quote(prefix + f.attname)}" if prefix else "")
        for f in fields
    )
    return columns, [f.attname for f in fields]


@cache
def _target_query():
    quote = connection.ops.quote_name
    page_columns, page_fields = _columns(Page, LIVE_PAGE_FIELDS, "p", "page_")
    page_fields = ["pk" if name == "id" else name for name in page_fields]
    choice_columns, choice_fields = _columns(Choice, CHOICE_FIELDS, "c", "choice_")
    poll_columns, poll_fields = _columns(Poll, POLL_FIELDS, "q", "poll_")
    sql = (
        f"SELECT {page_columns}, {choice_columns}, {poll_columns} "
        f"FROM {quote(Page._meta.db_table)} p, {quote(Choice._meta.db_table)} c "
        f"JOIN {quote(Poll._meta.db_table)} q "
        f"ON q.{quote('id')} = c.{quote('poll_id')} "
        f"WHERE p.{quote('id')} = %s AND p.{quote('live')} = %s "
        f"AND c.{quote('id')} = %s"
    )
    return sql, page_fields, choice_fields, poll_fields


@cache
def _page_query():
    quote = connection.ops.quote_name
    columns, fields = _columns(Page, PAGE_FIELDS, "p")
    sql = (
        f"SELECT {columns} FROM {quote(Page._meta.db_table)} p "
        f"WHERE p.{quote('id')} = %s AND p.{quote('live')} = %s"
    )
    return sql, fields


@cache
def _choice_query():
    quote = connection.ops.quote_name
    choice_columns, choice_fields = _columns(Choice, CHOICE_FIELDS, "c")
    poll_columns, poll_fields = _columns(Poll, POLL_FIELDS, "q")
    sql = (
        f"SELECT {choice_columns}, {poll_columns} "
        f"FROM {quote(Choice._meta.db_table)} c "
        f"JOIN {quote(Poll._meta.db_table)} q "
        f"ON q.{quote('id')} = c.{quote('poll_id')} "
        f"WHERE c.{quote('id')} = %s"
    )
    return sql, choice_fields, poll_fields
