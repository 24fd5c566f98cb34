"""The list "needs attention" shows: each page once, with all its causes, in order.

``needs_attention`` gathers the causes (``polls.insight.attention.causes``)
by page and puts the most pressing first; ``listed`` adds titles and links
to the few entries a screen or the digest shows.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from polls import conf
from polls.insight import periods
from polls.insight.attention.causes import (
    BELOW_SITE,
    COMMENTS,
    WORSE,
    comments_to_triage,
    statistical_causes,
)
from polls.insight.cusum_window import BASELINE_DAYS
from polls.models import TriageStatus
from polls.models.counters import RECENT_DAYS


@dataclass
class Entry:
    page_id: int
    triggers: list = field(default_factory=list)
    title: str = ""  # set by ``listed``, as is ``url`` (the page's report)
    url: str = ""

    @property
    def kinds(self):
        return {trigger.kind for trigger in self.triggers}


def method_context(minimum, today=None):
    """What "How is this decided?" says: the days tested, the minimum, the link."""
    period = periods.last_days(RECENT_DAYS, today)
    return {
        "period": period,
        "baseline": periods.days_before(period, BASELINE_DAYS),
        "minimum": minimum,
        "method_url": conf.get("POLLS_METHOD_URL"),
    }


def needs_attention(minimum, today=None):
    """Every page that needs attention, the most pressing first.

    The entries have no titles or links yet: a list shows a few of them (a
    page of the report, the top of the panel or the digest), and ``listed``
    adds them to those. Ties go to the older page.
    """
    today = today or timezone.localdate()
    by_page = defaultdict(list)
    causes = statistical_causes(minimum, today)
    for found in (causes[WORSE], causes[BELOW_SITE], comments_to_triage()):
        for page_id, trigger in found.items():
            by_page[page_id].append(trigger)
    entries = [Entry(page_id, triggers) for page_id, triggers in by_page.items()]
    order = {WORSE: 0, BELOW_SITE: 1, COMMENTS: 2}
    entries.sort(
        key=lambda e: (
            -len(e.triggers),
            min(order[t.kind] for t in e.triggers),
            -max(t.severity for t in e.triggers),
            e.page_id,
        )
    )
    return entries


def listed(entries):
    """``entries`` with their pages' titles (one query) and links: the page's
    report, and for comments the comments report filtered to that page's
    comments still marked "New".

    Working out each link with ``reverse`` is the costly part of listing an
    entry, so each kind of link is reversed once and each page's id put
    into it.
    """
    titles = dict(
        Page.objects.filter(pk__in=[e.page_id for e in entries]).values_list(
            "pk", "title"
        )
    )
    head, _zero, tail = reverse("polls_admin:page_helpfulness", args=[0]).rpartition(
        "/0/"
    )
    comments = reverse("polls_comments:index")
    for entry in entries:
        entry.title = titles.get(entry.page_id, "")
        entry.url = f"{head}/{entry.page_id}/{tail}"
        for trigger in entry.triggers:
            if trigger.kind == COMMENTS:
                trigger.url = (
                    f"{comments}?page={entry.page_id}&triage_status={TriageStatus.NEW}"
                )
    return entries
