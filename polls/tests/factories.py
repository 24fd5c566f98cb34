"""Test data for polls: plain Wagtail pages, never the site's article types."""

from django.template import Context, Template
from django.test import RequestFactory
from django.utils.text import slugify
from wagtail.models import Page, Site

from polls.models import Choice, Poll, Sentiment


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
