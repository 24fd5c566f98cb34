from .counters import DailyCount, PageTotal
from .page_mixin import PollPageMixin
from .poll import Choice, Poll, Sentiment
from .response import COMMENT_MAX_LENGTH, Reason, Response, TriageStatus
from .settings import PollSettings

__all__ = [
    "COMMENT_MAX_LENGTH",
    "Choice",
    "DailyCount",
    "PageTotal",
    "Poll",
    "PollPageMixin",
    "PollSettings",
    "Reason",
    "Response",
    "Sentiment",
    "TriageStatus",
]
