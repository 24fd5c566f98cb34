"""What the soak's readers were told, and whether the database agrees.

Each reader (a cookie) keeps, per page, the answers it sent in order and what
became of each request:

- acknowledged: a 2xx (or the 303 of a form post): it must be in the database;
- refused: a 4xx: the server wrote nothing;
- unknown: no answer (a killed worker, a timeout) or a 5xx (a 503 after
  retries, whose last attempt failed; an earlier one may have committed
  before its connection broke): it may or may not have been written.

Replaying a reader's requests gives the set of states its row may be in:
an acknowledged request leaves exactly its result, an unknown one adds its
result to what was possible before. A row outside that set is a lost vote
(the reader was told it counted) or a phantom (nobody was told anything).
The checks mirror ``polls.voting.services``: changing to a positive answer drops the
reasons and comment, a follow-up sets them on a negative answer only.
"""

from collections import defaultdict
from dataclasses import dataclass, field

ACKNOWLEDGED, REFUSED, UNKNOWN = "acknowledged", "refused", "unknown"
NO_ROW = None


def outcome(status):
    """How a request ended, from its HTTP status (None: no answer at all)."""
    if status is None or status >= 500:
        return UNKNOWN
    if status >= 400:
        return REFUSED
    return ACKNOWLEDGED


@dataclass(frozen=True)
class Row:
    """What the database holds for one reader on one page."""

    choice: int
    reasons: frozenset = frozenset()
    comment: str = ""


@dataclass
class Verdict:
    pairs: int = 0
    acknowledged_pairs: int = 0
    ambiguous: int = 0
    lost: list = field(default_factory=list)
    phantom: list = field(default_factory=list)
    duplicated: list = field(default_factory=list)


class Ledger:
    def __init__(self, negative_choices):
        self.negative = set(negative_choices)
        self.requests = defaultdict(list)  # (cookie, page) -> [(kind, value, outcome)]

    def vote(self, cookie, page, choice, status):
        self.requests[cookie, page].append(("vote", choice, outcome(status)))

    def follow_up(self, cookie, page, reasons, comment, status):
        value = (frozenset(reasons), comment.strip())
        self.requests[cookie, page].append(("follow_up", value, outcome(status)))

    def last_choice(self, cookie, page):
        """The answer the reader last sent on the page (for its next move)."""
        votes = [
            value for kind, value, _ in self.requests[cookie, page] if kind == "vote"
        ]
        return votes[-1] if votes else None

    def possible(self, cookie, page):
        """Every state the row may be in, given what the reader was told."""
        states = {NO_ROW}
        for kind, value, result in self.requests[cookie, page]:
            if result == REFUSED:
                continue
            step = self._vote if kind == "vote" else self._follow_up
            after = {new for state in states if (new := step(state, value))}
            if result == ACKNOWLEDGED:
                states = after or states
            else:
                states |= after
        return states

    def _vote(self, state, choice):
        if state is NO_ROW:
            return Row(choice)
        if state.choice == choice:
            return state
        if choice in self.negative:
            return Row(choice, state.reasons, state.comment)
        return Row(choice)

    def _follow_up(self, state, value):
        if state is NO_ROW or state.choice not in self.negative:
            return None  # the server refuses it (409)
        reasons, comment = value
        return Row(state.choice, reasons, comment)

    def check(self, stored):
        """Compare with ``stored``: {(cookie, page): [Row, ...]} from the database."""
        verdict = Verdict()
        for key in set(self.requests) | set(stored):
            rows = stored.get(key, [])
            if len(rows) > 1:
                verdict.duplicated.append((key, rows))
            row = rows[0] if rows else NO_ROW
            possible = self.possible(*key)
            told = [r for _, _, r in self.requests.get(key, []) if r == ACKNOWLEDGED]
            verdict.pairs += 1
            verdict.acknowledged_pairs += bool(told)
            verdict.ambiguous += len(possible) > 1
            if row not in possible:
                (verdict.lost if told else verdict.phantom).append((key, row, possible))
        return verdict
