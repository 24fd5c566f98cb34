"""Test data for polls: plain Wagtail pages, never the site's article types."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.template import Context, Template
from django.test import RequestFactory
from django.utils import timezone
from django.utils.text import slugify
from wagtail.models import Page, Site

from polls import tally
from polls.models import Choice, Poll, Response, Sentiment
from polls.services import record_follow_up, record_vote


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
    """A user in the named groups, with extra ``"app_label.codename"`` permissions."""
    user = get_user_model().objects.create_user(
        username=username,
        email=f"{username}@example.com",
        password="password",
        is_superuser=superuser,
    )
    user.groups.add(*Group.objects.filter(name__in=groups))
    for name in permissions:
        app_label, codename = name.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user


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
