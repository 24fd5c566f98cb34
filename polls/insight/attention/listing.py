"""The list "needs attention" shows: each page once, with all its causes, in order.

``needs_attention`` gathers the causes (``polls.insight.attention.causes``)
by page and puts the most pressing first; ``listed`` adds titles and links
to the few entries a screen or the digest shows.
"""

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, field

from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page

from polls import conf
from polls.insight import periods
from polls.insight.attention.causes import (
    COMMENTS,
    Trigger,
    comments_to_triage,
    pressing,
    statistical_findings,
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
    """Every page that needs attention, the most pressing first (``Entries``).

    The statistical causes come in order from the cache; the comments
    waiting for triage are read now and merged into that order. The
    entries have no titles or links yet: a list shows a few of them (a page
    of the report, the top of the panel or the digest), and ``listed`` adds
    them to those.
    """
    today = today or timezone.localdate()
    findings = statistical_findings(minimum, today)
    comments = comments_to_triage()
    if comments:
        findings = _with_comments(findings, comments)
    return Entries(findings)


def _with_comments(findings, comments):
    """``findings`` with the ``comments`` ({page id: Trigger}) merged in, in order."""
    moved, order = [], []
    for page_id, triggers in findings:
        if page_id in comments:
            moved.append((page_id, (*triggers, comments[page_id].fields())))
        else:
            order.append((page_id, triggers))
    listed_already = {page_id for page_id, _ in moved}
    moved += [
        (page_id, (trigger.fields(),))
        for page_id, trigger in comments.items()
        if page_id not in listed_already
    ]
    for finding in moved:
        bisect.insort(order, finding, key=pressing)
    return order


class Entries(Sequence):
    """The entries of ``needs_attention``, each made when it is first read.

    Hundreds of pages can need attention while a screen shows a few, so the
    order is kept as plain tuples and only the entries read become
    ``Entry`` objects: the same object every time, so ``listed`` can add
    titles and links to them.
    """

    def __init__(self, findings):
        self._findings = findings
        self._made = {}

    def __len__(self):
        return len(self._findings)

    def __getitem__(self, index):
        if isinstance(index, slice):
            return [self[n] for n in range(*index.indices(len(self)))]
        index = range(len(self))[index]  # an IndexError past the end
        if index not in self._made:
            page_id, triggers = self._findings[index]
            self._made[index] = Entry(page_id, [Trigger(*f) for f in triggers])
        return self._made[index]


def listed(entries, titles=None):
    """``entries`` with their pages' titles and links: the page's report, and
    for comments the comments report filtered to that page's comments still
    marked "New". The titles are read in one query, unless the caller has
    read them already with others (``titles``: {page id: title})."""
    if titles is None:
        titles = page_titles(e.page_id for e in entries)
    report_url = page_report_url()
    comments = reverse("polls_comments:index")
    for entry in entries:
        entry.title = titles.get(entry.page_id, "")
        entry.url = report_url(entry.page_id)
        for trigger in entry.triggers:
            if trigger.kind == COMMENTS:
                trigger.url = (
                    f"{comments}?page={entry.page_id}&triage_status={TriageStatus.NEW}"
                )
    return entries


def page_titles(page_ids):
    """{page id: title}, in one query."""
    pages = Page.objects.filter(pk__in=list(page_ids)).order_by()
    return dict(pages.values_list("pk", "title"))


def page_report_url():
    """A function from a page's id to the URL of its helpfulness report.

    Working out a link with ``reverse`` is the costly part of listing a
    page, so the link is reversed once and each page's id put into it.
    """
    head, _zero, tail = reverse("polls_admin:page_helpfulness", args=[0]).rpartition(
        "/0/"
    )
    return lambda page_id: f"{head}/{page_id}/{tail}"
