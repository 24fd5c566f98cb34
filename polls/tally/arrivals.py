"""A reader's first answer: the response inserted and counted together.

Most votes are first answers, so they take the shortest way: the response's
``INSERT … ON CONFLICT DO NOTHING RETURNING id`` (the one-answer constraint
says when the reader answered before, and nothing is written), with values
adapted once per process where they are the same for every answer, and no
``Response`` instance built. On PostgreSQL the insert and its counter moves
are one statement (``polls.tally.sql.counted_first_answer``), so a first
answer is one round trip and its own transaction; a vote's statement also
reads the page and the choice (``counted_vote``). On SQLite the insert, then
``move``, run in the caller's transaction.
"""

import functools

from django.db import connections
from django.utils import timezone

from polls.models import Response
from polls.tally import sql
from polls.tally.moves import arrival, arrival_rows, move
from polls.tally.reads import target_from_row, target_values


def answer_values(*, poll_id, choice_id, page_id, reader_key):
    """The columns of a reader's new response that are not its defaults
    (``page_values`` adds the page's, unless the insert reads them)."""
    now = timezone.now()
    return {
        "poll_id": poll_id,
        "choice_id": choice_id,
        "page_id": page_id,
        "reader_key": reader_key,
        "created_at": now,
        "updated_at": now,
    }


def page_values(page):
    """What a response keeps of the page it answers."""
    return {"page_title": page.title[:255], "revision_id": page.live_revision_id}


class FirstAnswer:
    """A new response of ``values`` (``answer_values`` and ``page_values``),
    to be inserted and counted by ``store``.

    ``in_one_statement`` says whether ``store`` is one statement, its own
    transaction (PostgreSQL, an answer given today); if not, the caller runs
    ``store`` inside its transaction.
    """

    def __init__(self, values, alias):
        self.values, self.alias = values, alias
        self.item = arrival(**values)
        self.in_one_statement = (
            connections[alias].vendor == "postgresql"
            and self.item.day == timezone.localdate()
        )

    def store(self):
        """Insert the response and move the counters: its id, or None if
        the reader answered before (then nothing is written)."""
        statement, fields = sql.response_insert(self.alias)
        params = _insert_values(self.values, fields, self.alias)
        if self.in_one_statement:
            statement = sql.counted_first_answer_without_target(self.alias)
            params = [*params, *_moves(self.item)]
        row = _run(self.alias, statement, params)
        if row is None:
            return None
        if not self.in_one_statement:
            move(self.item)
        return row[0]


def counted_vote(*, page_id, poll_id, choice_id, reader_key, alias):
    """A reader's first answer on PostgreSQL, in one statement and one round
    trip: the page and the choice read, the response inserted (only if the
    choice is the poll's and the poll open), the counters moved.

    ``(id, LivePage, choice with its poll, the response's values)``, or None
    if it stored nothing (an answer given before, a refusal: the caller then
    reads and decides), and on other databases.
    """
    if connections[alias].vendor != "postgresql":
        return None
    values = answer_values(
        poll_id=poll_id, choice_id=choice_id, page_id=page_id, reader_key=reader_key
    )
    item = arrival(**values)
    if item.day != timezone.localdate():
        return None
    _statement, fields = sql.response_insert_from_target(alias)
    params = [
        *target_values(page_id, choice_id),
        *_insert_values(values, fields, alias),
        poll_id,
        *_moves(item),
    ]
    row = _run(alias, sql.counted_first_answer(alias), params)
    if row is None:
        return None
    page, choice = target_from_row(row[1:])
    return row[0], page, choice, {**values, **page_values(page)}


def _moves(item):
    rows = arrival_rows(item)
    return [*rows["total"], *rows["daily"], *rows["site"]]


def _run(alias, statement, params):
    with connections[alias].cursor() as cursor:
        cursor.execute(statement, params)
        return cursor.fetchone()


def _insert_values(values, fields, alias):
    """The parameters of a new response's insert, for ``fields``.

    ``values`` (by attribute name) are adapted as Django adapts a model's
    values for saving; every other column takes its default, adapted once
    per process (``_adapted_defaults``), as a new ``Response`` would have it.
    """
    connection = connections[alias]
    defaults = _adapted_defaults(alias)
    return [
        field.get_db_prep_save(values[field.attname], connection)
        if field.attname in values
        else defaults[field.attname]
        for field in fields
    ]


@functools.cache
def _adapted_defaults(alias):
    """Each column's default, as an insert sends it, where it is the same
    for every new response (``timezone.now`` is not: it must be given)."""
    connection = connections[alias]
    return {
        field.attname: field.get_db_prep_save(field.get_default(), connection)
        for field in Response._meta.concrete_fields
        if not field.has_default()
        or not callable(field.default)
        or field.default in (list, dict)
    }
