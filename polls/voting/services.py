"""Votes and follow-ups: what a reader may answer, stored with the counters in step.

Every function here runs in one transaction. A reader has at most one
response per poll and page (a database constraint guarantees it, also when
two requests race), and every change to what a response counts as moves the
counters through ``polls.tally`` in the same transaction. On PostgreSQL a
first answer is one statement, and so its own transaction: the read of its
page and choice, the response's insert and the counter moves
(``tally.counted_vote``). On SQLite the transactions take their turn
through ``polls.voting.write_queue``.
"""

import functools

from django.db import IntegrityError, router
from django.utils import timezone

from polls import tally
from polls.models import Poll, Reason, Response
from polls.models.response import looks_personal
from polls.voting import write_queue

CREATED, CHANGED, UNCHANGED = "created", "changed", "unchanged"


class VoteRefused(Exception):
    """The vote or follow-up breaks a rule; nothing was written."""

    def __init__(self, message, status=400):
        super().__init__(message)
        self.message = message
        self.status = status


class VoteResult:
    """What a vote did: its ``outcome``, the ``page`` (a ``Page``, or the
    ``tally.LivePage`` a vote reads) and the ``choice`` answered, and the
    reader's stored ``response``.

    A first answer's ``Response`` instance is built only when asked for: the
    vote endpoint answers from the choice alone, and building the model
    instance cost a vote more than its insert's parameters and counter moves
    in Python together.
    """

    def __init__(self, outcome, page, choice, response=None, *, stored=None):
        self.outcome, self.page, self.choice = outcome, page, choice
        if response is not None:
            self.response = response
        self._stored = stored  # a first answer's (alias, id, column values)

    @functools.cached_property
    def response(self):
        alias, pk, values = self._stored
        fields = Response._meta.concrete_fields
        row = [
            pk
            if field.primary_key
            else values[field.attname]
            if field.attname in values
            else field.get_default()
            for field in fields
        ]
        response = Response.from_db(alias, [f.attname for f in fields], row)
        response.poll, response.choice = self.choice.poll, self.choice
        return response

    @classmethod
    def created(cls, page, choice, alias, pk, values):
        return cls(CREATED, page, choice, stored=(alias, pk, values))


def live_page(page_id):
    """The live page ``page_id`` (the fields a vote needs), or a 404 refusal."""
    page = tally.live_page(page_id)
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
    alias = router.db_for_write(Response)
    counted = tally.counted_vote(
        page_id=page_id,
        poll_id=poll_id,
        choice_id=choice_id,
        reader_key=reader_key,
        alias=alias,
    )
    if counted is not None:
        pk, page, choice, values = counted
        return VoteResult.created(page, choice, alias, pk, values)
    target = tally.vote_target(page_id, choice_id)
    if target is not None and target[1].poll_id == poll_id:
        page, choice = target
    else:
        page = live_page(page_id)  # a missing page says so first
        choice = tally.choice_with_poll(choice_id)
        if choice is None or choice.poll_id != poll_id:
            open_poll(poll_id)  # then a missing or closed poll
            raise VoteRefused("That answer does not belong to this poll.", 400)
    return record_vote(page=page, choice=choice, reader_key=reader_key)


def record_vote(*, page, choice, reader_key):
    """Record the reader's answer, or change the one they gave before.

    ``page`` is the live ``Page``, or the ``tally.LivePage`` a vote reads.
    """
    poll = _check_poll(choice.poll)
    if not page.live:
        raise VoteRefused("This page is not published.", status=404)

    alias = router.db_for_write(Response)
    values = tally.answer_values(
        poll_id=poll.pk, choice_id=choice.pk, page_id=page.pk, reader_key=reader_key
    )
    values.update(tally.page_values(page))
    # Most votes are first answers: insert, and let the unique constraint say
    # when the reader has answered before. Where one statement also moves
    # the counters, it is the whole transaction.
    first = tally.FirstAnswer(values, alias)
    if first.in_one_statement and (pk := first.store()) is not None:
        return VoteResult.created(page, choice, alias, pk, values)
    with write_queue.atomic():
        if not first.in_one_statement and (pk := first.store()) is not None:
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


def _check_poll(poll):
    if poll is None:
        raise VoteRefused("This poll does not exist.", 404)
    if not poll.is_active:
        raise VoteRefused("This poll is closed.", 400)
    return poll


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
