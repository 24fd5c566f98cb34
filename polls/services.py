"""Writes with rules: votes, follow-ups and triage, with the counters kept in step.

Every function here runs in one transaction. A reader has at most one
response per poll and page (a database constraint guarantees it, also when
two requests race), and every change to what a response counts as moves the
counters through ``polls.tally`` in the same transaction. On PostgreSQL a
first answer is one statement, and so its own transaction: the read of its
page and choice, the response's insert and ``tally``'s counter moves
(``tally.counted_insert``). On SQLite the transactions take their turn
through ``polls.write_queue``.
"""

import functools

from django.db import IntegrityError, connections, router
from django.db.models.constants import OnConflict
from django.db.models.sql import InsertQuery
from django.utils import timezone

from polls import lookups, prepared, tally, write_queue
from polls.models import Poll, Reason, Response, TriageStatus
from polls.models.response import looks_personal

CREATED, CHANGED, UNCHANGED = "created", "changed", "unchanged"


class VoteRefused(Exception):
    """The vote or follow-up breaks a rule; nothing was written."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


class VoteResult:
    """What a vote did: its ``outcome``, the ``page`` (a ``Page``, or the
    ``lookups.LivePage`` a vote reads) and the ``choice`` answered, and the
    reader's stored ``response``.

    A first answer's ``Response`` instance is built only when asked for: the
    vote endpoint answers from the choice alone, and building the model
    instance cost a vote more than its insert's parameters and counter moves
    in Python together (README "Performance").
    """

    def __init__(self, outcome, page, choice, response=None, *, stored=None):
        self.outcome, self.page, self.choice = outcome, page, choice
        if response is not None:
            self.response = response
        self._stored = stored  # a first answer's (alias, id, column values)

    @functools.cached_property
    def response(self):
        alias, pk, values = self._stored
        response = Response(poll=self.choice.poll, choice=self.choice, **values)
        _stored(response, pk, alias)
        return response

    @classmethod
    def created(cls, page, choice, alias, pk, values):
        return cls(CREATED, page, choice, stored=(alias, pk, values))


def live_page(page_id):
    """The live page ``page_id`` (the fields a vote needs), or a 404 refusal."""
    page = lookups.live_page(page_id)
    if page is None:
        raise VoteRefused("This page does not exist or is not published.", 404)
    return page


def open_poll(poll_id):
    """The poll ``poll_id`` if it exists and takes answers, else a refusal."""
    return _check_poll(Poll.objects.filter(pk=poll_id).first())


def vote(*, page_id, poll_id, choice_id, reader_key):
    """``record_vote`` for the ids a form sent: refuses those that do not fit.

    One read finds the live page and the choice with its poll; only when it
    finds nothing do the reads that tell which is missing run. On PostgreSQL
    a first answer does that read in the statement that stores and counts it.
    """
    counted = _counted_first_answer(page_id, poll_id, choice_id, reader_key)
    if counted is not None:
        return counted
    target = lookups.vote_target(page_id, choice_id)
    if target is not None and target[1].poll_id == poll_id:
        page, choice = target
    else:
        page = live_page(page_id)  # a missing page says so first
        choice = lookups.choice_with_poll(choice_id)
        if choice is None or choice.poll_id != poll_id:
            open_poll(poll_id)  # then a missing or closed poll
            raise VoteRefused("That answer does not belong to this poll.", 400)
    return record_vote(page=page, choice=choice, reader_key=reader_key)


def record_vote(*, page, choice, reader_key):
    """Record the reader's answer, or change the one they gave before.

    ``page`` is the live ``Page``, or the ``lookups.LivePage`` a vote reads.
    """
    poll = _check_poll(choice.poll)
    if not page.live:
        raise VoteRefused("This page is not published.", status=404)

    alias = router.db_for_write(Response)
    values = _answer_values(
        poll_id=poll.pk, choice_id=choice.pk, page_id=page.pk, reader_key=reader_key
    )
    values.update(_page_values(page))
    # Most votes are first answers: insert, and let the unique constraint say
    # when the reader has answered before. Where one statement can also move
    # the counters, it is the whole transaction.
    insert = _insert_statement(values, alias)
    arrival = tally.arrival(**values)
    counted = tally.counted_insert(*insert, arrival)
    if counted is not None and (pk := _run_insert(alias, *counted)) is not None:
        return VoteResult.created(page, choice, alias, pk, values)
    with write_queue.atomic():
        if counted is None and (pk := _run_insert(alias, *insert)) is not None:
            tally.move(arrival)
            return VoteResult.created(page, choice, alias, pk, values)

        response = _locked_response(poll, page, reader_key)
        if response is None:
            # Only a constraint other than one-answer-per-reader refuses it.
            raise IntegrityError("the response could not be stored")
        if response.choice_id == choice.pk:
            return VoteResult(UNCHANGED, page, response.choice, response)
        # The follow-up explained a negative answer the reader took back.
        reasons = response.reasons if choice.is_negative else []
        tally.move(
            tally.change(response, -1),
            tally.change(response, +1, choice=choice, reasons=reasons),
        )
        response.choice = choice
        response.revision_id = page.live_revision_id
        response.updated_at = timezone.now()
        if not choice.is_negative:
            response.reasons, response.comment, response.comment_flagged = [], "", False
        response.save()
        return VoteResult(CHANGED, page, choice, response)


class AnswerNeeded(VoteRefused):
    """A follow-up that cannot be attached until the reader (re)confirms an
    answer: ``answer`` is their stored choice, or None if nothing is stored."""

    def __init__(self, message, answer=None):
        super().__init__(message, status=409)
        self.answer = answer


def record_follow_up(
    *, page, poll, reader_key, reasons, comment, answer=None, confirmed=False
):
    """Attach reasons and a comment to the reader's negative answer.

    ``answer`` is the negative choice the reader's page showed. If no answer
    is stored (cookies cleared, another browser), it is recorded with the
    follow-up in one step. If the stored answer is no longer negative (changed
    in another window), nothing is written until the reader confirms it.
    """
    unknown = set(reasons) - set(Reason.values)
    if unknown:
        raise VoteRefused(f"Unknown reason: {sorted(unknown)[0]}.")
    if answer is not None and (answer.poll_id != poll.pk or not answer.is_negative):
        raise VoteRefused("Reasons can only be sent with an answer that asks why.")
    with write_queue.atomic():
        response = _locked_response(poll, page, reader_key)
        if response is None and answer is None:
            raise AnswerNeeded(
                "We have no answer from you for this page (perhaps your cookies "
                "were cleared). Choose your answer to send it with your reasons."
            )
        if response is not None and not response.choice.is_negative:
            if answer is None or not confirmed:
                raise AnswerNeeded(
                    f"You changed your answer to “{response.choice.label}” in "
                    "another window, so your reasons were not sent. Choose "
                    "your answer again.",
                    answer=response.choice,
                )
        if response is None or not response.choice.is_negative:
            response = record_vote(
                page=page, choice=answer, reader_key=reader_key
            ).response
        reasons = [code for code in Reason.values if code in reasons]
        tally.move(
            tally.change(response, -1), tally.change(response, +1, reasons=reasons)
        )
        response.reasons = reasons
        response.comment = comment.strip()
        response.comment_flagged = looks_personal(response.comment)
        response.page_url = (page.url or "")[:2048]
        response.updated_at = timezone.now()
        response.save(
            update_fields=[
                "reasons",
                "comment",
                "comment_flagged",
                "page_url",
                "updated_at",
            ]
        )
        return response


def set_triage_status(response, status):
    """Mark a response; marking spam takes it out of every count (and back)."""
    if status not in TriageStatus.values:
        raise ValueError(f"unknown triage status {status!r}")
    with write_queue.atomic():
        response = (
            Response.objects.select_for_update(of=("self",))
            .select_related("choice")
            .get(pk=response.pk)
        )
        before = tally.change(response, -1)  # None if it did not count
        response.triage_status = status
        response.save(update_fields=["triage_status"])
        tally.move(before, tally.change(response, +1))
        return response


def delete_old_comments(older_than):
    """Blank follow-up comments last changed before ``now - older_than``."""
    cutoff = timezone.now() - older_than
    return (
        Response.objects.filter(updated_at__lt=cutoff)
        .exclude(comment="")
        .update(comment="", comment_flagged=False)
    )


def _check_poll(poll):
    if poll is None:
        raise VoteRefused("This poll does not exist.", 404)
    if not poll.is_active:
        raise VoteRefused("This poll is closed.", 400)
    return poll


def _counted_first_answer(page_id, poll_id, choice_id, reader_key):
    """A reader's first answer on PostgreSQL, in one statement and one round
    trip: the page and the choice read, the response inserted, the counters
    moved (``tally.counted_insert`` with ``lookups.target_query``).

    None if it stored nothing, as for an answer given before, a closed poll
    or a page that is not live (``vote`` then reads and decides), and on
    other databases.
    """
    alias = router.db_for_write(Response)
    if connections[alias].vendor != "postgresql":
        return None
    values = _answer_values(
        poll_id=poll_id, choice_id=choice_id, page_id=page_id, reader_key=reader_key
    )
    statement = tally.counted_insert(
        *_insert_from_target(values, alias),
        tally.arrival(**values),
        target=lookups.target_query(page_id, choice_id),
    )
    if statement is None:
        return None
    with prepared.cursor(alias) as cursor:
        cursor.execute(*statement)
        row = cursor.fetchone()
    if row is None:
        return None
    page, choice = lookups.target_from_row(row[1:])
    values.update(_page_values(page))
    return VoteResult.created(page, choice, alias, row[0], values)


def _insert_from_target(values, alias):
    """``INSERT … SELECT … FROM target ON CONFLICT DO NOTHING RETURNING id``:
    a response of ``values`` with the page's title and live revision read
    from ``target``, inserted only if the choice is the poll's and the poll
    open."""
    sql, fields = _insert_from_target_sql(alias)
    return sql, [*_insert_values(values, fields, alias), values["poll_id"]]


@functools.cache
def _insert_from_target_sql(alias):
    quote = connections[alias].ops.quote_name
    from_target = {
        "page_title": "target.page_title",
        "revision_id": "target.page_live_revision_id",
    }
    fields = [f for f in Response._meta.concrete_fields if not f.primary_key]
    table = quote(Response._meta.db_table)
    sql = (
        f"INSERT INTO {table} ({', '.join(quote(f.column) for f in fields)}) "
        f"SELECT {', '.join(from_target.get(f.attname, '%s') for f in fields)} "
        "FROM target WHERE target.choice_poll_id = %s AND target.poll_is_active "
        f"ON CONFLICT DO NOTHING RETURNING {table}.{quote('id')}"
    )
    return sql, [f for f in fields if f.attname not in from_target]


def _run_insert(alias, sql, params):
    """Run an insert that returns the new response's id, or nothing when the
    reader has answered before; the id, or None."""
    with prepared.cursor(alias) as cursor:
        cursor.execute(sql, params)
        row = cursor.fetchone()
    return None if row is None else row[0]


def _stored(response, pk, alias):
    """Mark ``response`` as the row ``pk`` an insert of ours just stored."""
    response.pk = pk
    response._state.adding = False
    response._state.db = alias


def _answer_values(*, poll_id, choice_id, page_id, reader_key):
    """The columns of a reader's new response that are not its defaults
    (the page's title and revision are added by the caller, or read by the
    insert)."""
    now = timezone.now()
    return {
        "poll_id": poll_id,
        "choice_id": choice_id,
        "page_id": page_id,
        "reader_key": reader_key,
        "created_at": now,
        "updated_at": now,
    }


def _page_values(page):
    """What a response keeps of the page it answers."""
    return {"page_title": page.title[:255], "revision_id": page.live_revision_id}


def _insert_statement(values, alias):
    """``INSERT … ON CONFLICT DO NOTHING RETURNING id`` for a new response.

    Built by Django's own insert compiler, once per process, so it suits
    both backends (SQLite writes ``INSERT OR IGNORE``); its values are adapted
    as that compiler adapts them. It replaces a savepoint, the insert, and a
    rollback to the savepoint when the unique constraint refuses.
    """
    sql, fields = _insert_sql(alias)
    return sql, _insert_values(values, fields, alias)


def _insert_values(values, fields, alias):
    """The parameters of a new response's insert, for ``fields``.

    ``values`` (by attribute name) are adapted as Django's insert adapts
    them; every other column takes its default, adapted once per process
    (``_adapted_defaults``), as a new ``Response`` would have it.
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


@functools.cache
def _insert_sql(alias):
    fields = [f for f in Response._meta.concrete_fields if not f.primary_key]
    query = InsertQuery(Response, on_conflict=OnConflict.IGNORE)
    query.insert_values(fields, [Response(reader_key="", page_title="")])
    compiler = query.get_compiler(using=alias)
    compiler.returning_fields = [Response._meta.pk]
    [(sql, _params)] = compiler.as_sql()
    return sql, fields


def _locked_response(poll, page, reader_key):
    # Lock only the response: locking the joined choice too would block every
    # other reader's insert that references it (a deadlock on PostgreSQL).
    return (
        Response.objects.select_for_update(of=("self",))
        .select_related("choice")
        .filter(poll=poll, page_id=page.pk, reader_key=reader_key)
        .order_by()
        .first()
    )
