"""Every operation that changes what a response counts as, in random order.

A Hypothesis state machine votes, changes answers, marks spam and back,
follows up (with reasons, or none), changes a choice's sentiment, adds and
deletes choices, deletes polls and pages, rebuilds, and lets the days pass
(so answers leave the 30-day window). After every step every counter (the
daily counts, page totals, site-wide days and reason counts) equals a
recount of the responses (``check_poll_counters`` finds nothing), and the
reports built on any of them agree. The suite runs it on SQLite and on PostgreSQL
(DATABASE_URL), like every test.
"""

import datetime

from django.db import transaction
from django.db.models import ProtectedError
from django.test import TestCase
from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import (
    RuleBasedStateMachine,
    invariant,
    precondition,
    rule,
    run_state_machine_as_test,
)

from polls import tally
from polls.admin.triage import set_triage_status
from polls.models import (
    Choice,
    DailyCount,
    DailyReasonCount,
    PageTotal,
    Reason,
    Response,
    Sentiment,
    SiteDailyCount,
)
from polls.testing import START, make_page, make_poll, today_is
from polls.voting.services import record_follow_up, record_vote

READERS = [f"reader-{n}" for n in range(6)]
sentiments = st.sampled_from(Sentiment.values)


class CounterMachine(RuleBasedStateMachine):
    def __init__(self):
        super().__init__()
        # Each run is one savepoint of the test's transaction, rolled back after.
        self.atomic = transaction.atomic()
        self.atomic.__enter__()
        self.today = START
        self.polls = [
            make_poll(
                f"Poll {n}",
                labels=[("Yes", "positive"), ("No", "negative"), ("Unsure", "neutral")],
            )
            for n in range(2)
        ]
        self.pages = [make_page(f"Page {n}") for n in range(2)]
        self.labels = 0

    def teardown(self):
        transaction.set_rollback(True)
        self.atomic.__exit__(None, None, None)

    def choices(self):
        return list(Choice.objects.filter(poll__in=self.polls).order_by("pk"))

    @precondition(lambda self: self.pages and self.choices())
    @rule(data=st.data(), reader=st.sampled_from(READERS))
    def vote(self, data, reader):
        page = data.draw(st.sampled_from(self.pages))
        choice = data.draw(st.sampled_from(self.choices()))
        with today_is(self.today):
            record_vote(page=page, choice=choice, reader_key=reader)

    @precondition(lambda self: Response.objects.exclude(page=None).exists())
    @rule(data=st.data(), reasons=st.lists(st.sampled_from(["other", "inaccurate"])))
    def follow_up(self, data, reasons):
        response = data.draw(st.sampled_from(list(Response.objects.exclude(page=None))))
        if response.choice.is_negative:
            with today_is(self.today):
                record_follow_up(
                    page=response.page,
                    poll=response.poll,
                    reader_key=response.reader_key,
                    reasons=reasons,
                    comment="It did not help.",
                )

    @precondition(lambda self: Response.objects.exists())
    @rule(data=st.data(), status=st.sampled_from(["new", "reviewed", "spam"]))
    def triage(self, data, status):
        response = data.draw(st.sampled_from(list(Response.objects.order_by("pk"))))
        with today_is(self.today):
            set_triage_status(response, status)

    @precondition(lambda self: self.choices())
    @rule(data=st.data(), sentiment=sentiments)
    def change_sentiment(self, data, sentiment):
        choice = data.draw(st.sampled_from(self.choices()))
        choice.sentiment = sentiment
        choice.save()

    @precondition(lambda self: self.polls)
    @rule(data=st.data(), sentiment=sentiments)
    def add_choice(self, data, sentiment):
        self.labels += 1
        Choice.objects.create(
            poll=data.draw(st.sampled_from(self.polls)),
            label=f"Extra {self.labels}",
            sentiment=sentiment,
        )

    @precondition(lambda self: self.choices())
    @rule(data=st.data())
    def delete_choice(self, data):
        choice = data.draw(st.sampled_from(self.choices()))
        answered = Response.objects.filter(choice=choice).exists()
        try:
            with transaction.atomic():
                choice.delete()
        except ProtectedError:
            assert answered
        else:
            assert not answered

    @precondition(lambda self: self.polls)
    @rule(data=st.data())
    def delete_poll(self, data):
        poll = data.draw(st.sampled_from(self.polls))
        try:
            with transaction.atomic():
                poll.delete()
        except ProtectedError:
            assert Response.objects.filter(poll=poll).exists()
        else:
            self.polls.remove(poll)

    @precondition(lambda self: self.pages)
    @rule(data=st.data())
    def delete_page(self, data):
        page = data.draw(st.sampled_from(self.pages))
        self.pages.remove(page)
        page.delete()

    @rule()
    def rebuild(self):
        with today_is(self.today):
            tally.rebuild()

    @rule(days=st.integers(min_value=1, max_value=40))
    def days_pass(self, days):
        self.today += datetime.timedelta(days=days)

    @invariant()
    def counters_equal_a_recount(self):
        with today_is(self.today):
            assert tally.differences() == []
            daily = DailyCount.objects.totals()
            total = PageTotal.objects.totals(count="total")
            site = SiteDailyCount.objects.totals()
        assert daily == total == site, (daily, total, site)
        ticked = dict.fromkeys(Reason.values, 0)
        for response in Response.objects.counted().exclude(page=None):
            for code in response.reasons:
                ticked[code] += 1
        assert DailyReasonCount.objects.by_reason() == ticked


class CounterStateMachineTests(TestCase):
    def test_no_sequence_of_operations_makes_the_counters_differ(self):
        run_state_machine_as_test(
            CounterMachine,
            settings=settings(
                max_examples=max(5, settings.default.max_examples // 8),
                stateful_step_count=25,
            ),
        )
