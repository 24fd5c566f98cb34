"""The counters reports read: the one place they change, and the recount
that checks them.

Reports never count responses: they sum the counter tables
(``polls.models.counters``, ``polls.models.reason_counts``), so their cost
does not grow with votes. Every write that changes what a response counts
as moves them here, in its own transaction:

- ``moves``: ``move`` (every vote, changed answer, follow-up and spam mark)
  and ``forget_page`` (a page being deleted);
- ``arrivals``: a first answer inserted and counted together, on PostgreSQL
  in one statement with the read of its page and choice;
- ``reads``: that read, alone;
- ``sql``: every statement written by hand, which only this package runs;
- ``audit``: ``recount``, ``differences`` and ``rebuild``.
"""

from polls.tally.arrivals import FirstAnswer, answer_values, counted_vote, page_values
from polls.tally.audit import Recount, differences, rebuild, recount
from polls.tally.moves import Change, arrival, change, forget_page, move
from polls.tally.reads import LivePage, choice_with_poll, live_page, vote_target

__all__ = [
    "Change",
    "FirstAnswer",
    "LivePage",
    "Recount",
    "answer_values",
    "arrival",
    "change",
    "choice_with_poll",
    "counted_vote",
    "differences",
    "forget_page",
    "live_page",
    "move",
    "page_values",
    "rebuild",
    "recount",
    "vote_target",
]
