"""Test data for polls: plain Wagtail pages, never the site's article types.

Public, like ``wagtail.test.utils``: polls' own tests use it, and so may the
tests of a site that uses polls (to build answers, or post votes as a
browser would), so no app's tests import another app's tests.
"""

import datetime
from collections import Counter
from contextlib import contextmanager
from unittest import mock

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.cache import cache
from django.db.models import Sum
from django.template import Context, Template
from django.test import RequestFactory, TestCase
from django.urls import reverse
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, PageLogEntry, Site

from polls import tally
from polls.models import Choice, DailyCount, Poll, Response, Sentiment
from polls.voting.services import record_follow_up, record_vote

DAY = datetime.timedelta(days=1)
# The counters' tests pretend today is this day, or one after it.
START = datetime.date(2026, 11, 1)


def default_poll():
    return Poll.objects.get(question="Was this article helpful?")


def make_poll(question="Did this answer your question?", labels=None, **fields):
    poll = Poll.objects.create(question=question, **fields)
    labels = labels or [("Yes", Sentiment.POSITIVE), ("No", Sentiment.NEGATIVE)]
    for order, (label, sentiment) in enumerate(labels):
        Choice.objects.create(
            poll=poll, label=label, sentiment=sentiment, sort_order=order
        )
    return poll


def make_page(title="A page", parent=None, live=True):
    """A plain Wagtail page under the site root, published with a revision."""
    parent = parent or Site.objects.get(is_default_site=True).root_page
    page = Page(title=title, slug=slugify(title), live=False)
    parent.add_child(instance=page)
    revision = page.save_revision()
    if live:
        revision.publish()
    page.refresh_from_db()
    return page


def choice(poll, label):
    return poll.choices.get(label=label)


def render_widget(page, query="", cookies=None, **tag_args):
    """The widget's HTML as a page template would render it for a request."""
    request = RequestFactory().get(f"{page.url}?{query}")
    request.COOKIES.update(cookies or {})
    arguments = " ".join(f"{name}={name}" for name in tag_args)
    template = Template("{% load polls_tags %}{% poll_widget page " + arguments + " %}")
    return template.render(Context({"request": request, "page": page, **tag_args}))


def make_user(username, *, groups=(), permissions=(), superuser=False):
    """A user in the named groups, with extra ``"app_label.codename"`` permissions.

    Named, as Wagtail's account settings require (a user without a first and
    a last name cannot save them).
    """
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.com",
        password="password",
        is_superuser=superuser,
        first_name=username.capitalize(),
        last_name="Tester",
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    for name in permissions:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


# What someone who reads the reports, triages comments and manages polls
# needs. polls knows no groups: a site grants these to its own.
EDITOR_PERMISSIONS = (
    "wagtailadmin.access_admin",
    "polls.view_results",
    "polls.view_response",
    "polls.change_response",
    "polls.add_poll",
    "polls.change_poll",
    "polls.delete_poll",
    "polls.view_poll",
)


def make_editor(username="editor"):
    """An admin user with every polls permission (``EDITOR_PERMISSIONS``)."""
    return make_user(username, permissions=EDITOR_PERMISSIONS)


def make_group(name, permissions=EDITOR_PERMISSIONS):
    """A group holding ``"app_label.codename"`` permissions."""
    group = Group.objects.create(name=name)
    for permission in permissions:
        app_label, codename = permission.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return group


def vote(page, answer, count=1, *, on=None, reader="reader"):
    """``count`` readers give ``answer`` on ``page``, today or on the date ``on``."""
    start = Response.objects.filter(reader_key__startswith=f"{reader}-").count()
    responses = [
        record_vote(
            page=page, choice=answer, reader_key=f"{reader}-{start + n}"
        ).response
        for n in range(count)
    ]
    if on is not None:
        for response in responses:
            backdate(response, on)
    return responses


def backdate(response, day):
    """Move a response, and the counter it adds to, to ``day``, as if given then."""
    response.refresh_from_db()
    when = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    before = tally.change(response, -1)
    Response.objects.filter(pk=response.pk).update(created_at=when, updated_at=when)
    response.created_at = response.updated_at = when
    tally.move(before, tally.change(response, +1))
    return response


def comment_on(page, text, *, reader="critic", reasons=("other",), poll=None):
    """A negative answer with reasons and a comment, as the follow-up form sends."""
    poll = poll or default_poll()
    no = poll.choices.get(sentiment=Sentiment.NEGATIVE)
    record_vote(page=page, choice=no, reader_key=reader)
    return record_follow_up(
        page=page, poll=poll, reader_key=reader, reasons=list(reasons), comment=text
    )


@contextmanager
def today_is(day):
    """Pretend today is ``day`` (at noon), for the services and the counters."""
    moment = timezone.make_aware(datetime.datetime.combine(day, datetime.time(12)))
    with mock.patch("django.utils.timezone.now", return_value=moment):
        yield


def plant(page, day, positive, negative):
    """Counters as if ``positive`` and ``negative`` answers came on ``day``."""
    poll = default_poll()
    tally.move(
        *(
            tally.Change(choice(poll, label).pk, page.pk, poll.pk, day, count)
            for label, count in (("Yes", positive), ("No", negative))
            if count
        )
    )


def publish_edit(page, on):
    """Publish a new revision of ``page`` and date its publish to ``on``."""
    page.save_revision().publish()
    entry = PageLogEntry.objects.filter(page=page, action="wagtail.publish").latest(
        "pk"
    )
    when = timezone.make_aware(datetime.datetime.combine(on, datetime.time(9)))
    PageLogEntry.objects.filter(pk=entry.pk).update(timestamp=when)
    return entry.revision_id


def counts(page):
    """{label: count} from the counters, the way reports read them."""
    rows = DailyCount.objects.filter(page=page).values("choice__label")
    return {
        row["choice__label"]: row["total"]
        for row in rows.annotate(total=Sum("count"))
        if row["total"]
    }


def assert_counters_match_rows(test):
    """The invariant the reports rely on: counters == counted responses."""
    from_rows = Counter(
        (r.page_id, r.choice_id, timezone.localdate(r.created_at))
        for r in Response.objects.counted()
    )
    from_counters = {
        (c.page_id, c.choice_id, c.date): c.count
        for c in DailyCount.objects.exclude(count=0)
    }
    test.assertEqual(dict(from_rows), from_counters)


BROWSER = "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36"
SAME_ORIGIN = {"HTTP_ORIGIN": "http://testserver", "HTTP_USER_AGENT": BROWSER}
JSON = {"HTTP_ACCEPT": "application/json"}
VOTE_URL = reverse("polls:vote")
FOLLOW_UP_URL = reverse("polls:follow_up")


class VoteTestCase(TestCase):
    """Posts votes and follow-ups to the public endpoints, as a browser would."""

    @classmethod
    def setUpTestData(cls):
        cls.poll = default_poll()
        cls.yes, cls.no = choice(cls.poll, "Yes"), choice(cls.poll, "No")
        cls.page = make_page("Leg numbness")

    def setUp(self):
        cache.clear()

    def vote(self, answer=None, js=False, headers=SAME_ORIGIN, address=None, **data):
        body = {
            "page": self.page.pk,
            "poll": self.poll.pk,
            "choice": (answer or self.yes).pk,
        }
        body.update(data)
        extra = {**headers, **(JSON if js else {})}
        if address:
            extra["REMOTE_ADDR"] = address
        return self.client.post(VOTE_URL, body, **extra)

    def follow_up(self, js=False, headers=SAME_ORIGIN, **data):
        body = {"page": self.page.pk, "poll": self.poll.pk, **data}
        return self.client.post(FOLLOW_UP_URL, body, **headers, **(JSON if js else {}))

    def assertNothingStored(self):
        self.assertFalse(Response.objects.exists())
        self.assertFalse(DailyCount.objects.exists())
