"""Every statement polls writes by hand, built once per process.

A vote runs the same few statements each time: the read of its page and
choice, the insert of the reader's response and the counters' moves.
Through the ORM each cost more to build than to run, so they are written
here once, for both backends (PostgreSQL and SQLite accept the same
``INSERT … ON CONFLICT`` and ``RETURNING``), and only ``polls.tally`` runs
them. On PostgreSQL a first answer is all of them in one statement
(``counted_first_answer``): the read as a ``WITH`` part, the insert reading
the page's title and revision from it, and the counters' upserts, so it is
one round trip and its own transaction. SQLite cannot put an ``INSERT``
inside ``WITH``; there the same parts run one by one.

Nothing here runs a query: each function returns SQL text (and, where
values are read back, the fields they fill).
"""

import functools

from django.db import connection, connections
from wagtail.models import Page

from polls.models import (
    Choice,
    DailyCount,
    PageTotal,
    Poll,
    Response,
    SiteDailyCount,
)

LIVE_PAGE_FIELDS = {"id", "title", "live_revision_id"}
PAGE_FIELDS = {"id", "title", "slug", "url_path", "live", "live_revision_id", "depth"}
CHOICE_FIELDS = {"id", "poll_id", "label", "sentiment", "sort_order"}
POLL_FIELDS = {"id", "is_active"}
# A new response's columns the insert from the target reads from it.
FROM_TARGET = {
    "page_title": "target.page_title",
    "revision_id": "target.page_live_revision_id",
}


def _columns(model, wanted, table_alias, prefix=None):
    # Model.from_db() takes the values in the model's field order.
    fields = [f for f in model._meta.concrete_fields if f.attname in wanted]
    quote = connection.ops.quote_name
    columns = ", ".join(
        f"{table_alias}.{quote(f.column)}"
        + (f" AS {quote(prefix + f.attname)}" if prefix else "")
        for f in fields
    )
    return columns, [f.attname for f in fields]


@functools.cache
def target():
    """A vote's page and choice with its poll, one row or none:
    ``(sql, page fields, choice fields, poll fields)``; its values are the
    page id, True (live) and the choice id. The columns are named for what
    they hold (``page_title``, ``choice_poll_id``, ``poll_is_active`` …), so
    ``counted_first_answer`` can read it as a table."""
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


@functools.cache
def live_page():
    """A live page's few fields: ``(sql, fields)``; values page id, True."""
    quote = connection.ops.quote_name
    columns, fields = _columns(Page, PAGE_FIELDS, "p")
    sql = (
        f"SELECT {columns} FROM {quote(Page._meta.db_table)} p "
        f"WHERE p.{quote('id')} = %s AND p.{quote('live')} = %s"
    )
    return sql, fields


@functools.cache
def choice_with_poll():
    """A choice and its poll: ``(sql, choice fields, poll fields)``."""
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


def _response_fields():
    return [f for f in Response._meta.concrete_fields if not f.primary_key]


@functools.cache
def response_insert(alias):
    """``INSERT … ON CONFLICT DO NOTHING RETURNING id`` of a new response:
    ``(sql, fields)``, one value a field. It returns no row when the reader
    has answered before (the one-answer constraint), which spares a
    savepoint and its rollback."""
    quote = connections[alias].ops.quote_name
    fields = _response_fields()
    table = quote(Response._meta.db_table)
    sql = (
        f"INSERT INTO {table} ({', '.join(quote(f.column) for f in fields)}) "
        f"VALUES ({', '.join('%s' for _ in fields)}) "
        f"ON CONFLICT DO NOTHING RETURNING {quote('id')}"
    )
    return sql, fields


@functools.cache
def response_insert_from_target(alias):
    """``INSERT … SELECT … FROM target … ON CONFLICT DO NOTHING RETURNING id``:
    a new response with the page's title and live revision read from
    ``target``, inserted only if the choice is the poll's and the poll open.
    ``(sql, fields)``: one value a field, then the poll's id."""
    quote = connections[alias].ops.quote_name
    fields = _response_fields()
    table = quote(Response._meta.db_table)
    sql = (
        f"INSERT INTO {table} ({', '.join(quote(f.column) for f in fields)}) "
        f"SELECT {', '.join(FROM_TARGET.get(f.attname, '%s') for f in fields)} "
        "FROM target WHERE target.choice_poll_id = %s AND target.poll_is_active "
        f"ON CONFLICT DO NOTHING RETURNING {table}.{quote('id')}"
    )
    return sql, [f for f in fields if f.attname not in FROM_TARGET]


@functools.cache
def leaving_updates():
    """The updates of an answer that leaves a counter, for both backends."""
    q = connection.ops.quote_name
    total, daily = q(PageTotal._meta.db_table), q(DailyCount._meta.db_table)
    site = q(SiteDailyCount._meta.db_table)
    key = f"{q('page_id')} = %s AND {q('choice_id')} = %s"
    return {
        "total": f"UPDATE {total} SET {q('total')} = {q('total')} + %s WHERE {key}",
        "daily": f"UPDATE {daily} SET {q('count')} = {q('count')} + %s "
        f"WHERE {key} AND {q('date')} = %s",
        "site": f"UPDATE {site} SET {q('count')} = {q('count')} + %s, "
        f"{q('moves')} = {q('moves')} + 1 "
        f"WHERE {q('choice_id')} = %s AND {q('date')} = %s",
    }


@functools.cache
def upserts():
    """``_upsert_templates`` completed with ``VALUES``: an arriving answer's
    three moves, run one by one."""
    templates = _upsert_templates()
    return {
        "total": templates["total"] % "VALUES (%s, %s, %s, %s, %s)",
        "daily": templates["daily"] % "VALUES (%s, %s, %s, %s, %s)",
        "site": templates["site"] % "VALUES (%s, %s, %s, %s, 1)",
    }


def counted_first_answer(alias):
    """One statement (PostgreSQL): read the target, insert the response from
    it and, if it inserted, move the counters as ``upserts`` do. Its values:
    the target's, the insert's (``response_insert_from_target``), then the
    moves' (``PageTotal``'s, ``DailyCount``'s, ``SiteDailyCount``'s, as
    ``upserts``). It returns the inserted id followed by the target's row.
    """
    target_sql = target()[0]
    insert_sql = response_insert_from_target(alias)[0]
    return (
        f"WITH target AS ({target_sql}), inserted AS ({insert_sql}), "
        f"{_counted_moves()} SELECT inserted.*, target.* FROM inserted, target"
    )


def counted_first_answer_without_target(alias):
    """One statement (PostgreSQL): ``response_insert`` and, if it inserted,
    the counters' moves. Its values: the insert's, then the moves'."""
    insert_sql = response_insert(alias)[0]
    return f"WITH inserted AS ({insert_sql}), {_counted_moves()} SELECT * FROM inserted"


@functools.cache
def _counted_moves():
    """The moves after an ``inserted`` part, as data-modifying ``WITH`` parts,
    each reading its row from the one before (``RETURNING 1``), so they run
    in ``move``'s order and only when the response was inserted."""
    templates = _upsert_templates()
    total = templates["total"] % "SELECT %s, %s, %s, %s, %s FROM inserted"
    daily = templates["daily"] % "SELECT %s, %s, %s, %s, %s FROM moved_total"
    site = templates["site"] % "SELECT %s, %s, %s, %s, 1 FROM moved_daily"
    return (
        f"moved_total AS ({total} RETURNING 1), "
        f"moved_daily AS ({daily} RETURNING 1), "
        f"moved_site AS ({site})"
    )


@functools.cache
def _upsert_templates():
    """An arriving answer's moves, as upserts both backends accept.

    Each of "total", "daily" and "site" is ``INSERT INTO … AS alias (…) %s
    ON CONFLICT … DO UPDATE …``, to be completed with its rows: ``VALUES``
    (``upserts``), or a ``SELECT`` after the inserted response
    (``counted_first_answer``). The conflict clauses read the new row's
    figures from ``EXCLUDED``, so they are the same in both uses.
    """
    q = connection.ops.quote_name
    sqlite = connection.vendor == "sqlite"

    def columns(model, *names):
        return ", ".join(q(model._meta.get_field(name).column) for name in names)

    greatest = "MAX" if sqlite else "GREATEST"
    total, daily = q(PageTotal._meta.db_table), q(DailyCount._meta.db_table)
    site = q(SiteDailyCount._meta.db_table)
    keys = ("page", "poll", "choice")
    page, choice, date, count = q("page_id"), q("choice_id"), q("date"), q("count")
    last = q("last_date")
    totals = columns(PageTotal, *keys, "total", "last_date")
    return {
        "total": f"INSERT INTO {total} AS t ({totals}) %s "
        f"ON CONFLICT ({page}, {choice}) DO UPDATE SET "
        f"{q('total')} = t.{q('total')} + EXCLUDED.{q('total')}, "
        f"{last} = {greatest}(COALESCE(t.{last}, EXCLUDED.{last}), EXCLUDED.{last})",
        "daily": f"INSERT INTO {daily} AS d "
        f"({columns(DailyCount, *keys, 'date', 'count')}) %s "
        f"ON CONFLICT ({page}, {choice}, {date}) DO UPDATE SET "
        f"{count} = d.{count} + EXCLUDED.{count}",
        "site": f"INSERT INTO {site} AS s "
        f"({columns(SiteDailyCount, 'poll', 'choice', 'date', 'count', 'moves')}) "
        f"%s ON CONFLICT ({date}, {choice}) DO UPDATE SET "
        f"{count} = s.{count} + EXCLUDED.{count}, {q('moves')} = s.{q('moves')} + 1",
    }
