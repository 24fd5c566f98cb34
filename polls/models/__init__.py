from .counters import DailyCount, PageTotal, SiteDailyCount
from .cusum import CusumPage, CusumWindow
from .digest import DigestPreference, DigestSent
from .page_mixin import PollPageMixin
from .poll import Choice, Poll, Sentiment
from .reason_counts import DailyReasonCount
from .response import COMMENT_MAX_LENGTH, Reason, Response, TriageStatus
from .settings import PollSettings

__all__ = [
    "COMMENT_MAX_LENGTH",
    "Choice",
    "CusumPage",
    "CusumWindow",
    "DailyCount",
    "DailyReasonCount",
    "DigestPreference",
    "DigestSent",
    "PageTotal",
    "Poll",
    "PollPageMixin",
    "PollSettings",
    "Reason",
    "Response",
    "Sentiment",
    "SiteDailyCount",
    "TriageStatus",
]
