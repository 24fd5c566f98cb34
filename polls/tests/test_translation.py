"""Everything polls says to readers goes through Django's translation.

A stand-in translation marks every string it is asked for (⟪…⟫). Rendered
with it, the widget, the follow-up form and the refusal pages must show no
text that is not marked, except what editors wrote (the question, answer
labels, the comment box's help) and the page's title.
"""

import gettext
import re
from pathlib import Path
from unittest import mock

from bs4 import BeautifulSoup, Comment, Doctype
from django.template import Context, Template
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils.translation import trans_real

import polls
from polls.models import PollSettings
from polls.testing import FOLLOW_UP_URL, SAME_ORIGIN, VoteTestCase, render_widget
from polls.voting.forms import comment_length_message
from polls.voting.retries import UNAVAILABLE_MESSAGE

TEMPLATES = Path(polls.__file__).parent / "templates" / "polls"
MARKED = re.compile(r"⟪.*?⟫", re.S)


class Marking(gettext.NullTranslations):
    def gettext(self, message):
        return f"⟪{message}⟫"

    def ngettext(self, singular, plural, n):
        return f"⟪{singular if n == 1 else plural}⟫"

    def to_language(self):
        return "en-gb"

    def language(self):
        return "en-gb"


def texts(html):
    """Each piece of text a reader may meet (the honeypot's label included)."""
    soup = BeautifulSoup(html, "html.parser")
    return [
        text.strip()
        for text in soup.find_all(string=True)
        if text.strip() and not isinstance(text, (Comment, Doctype))
    ]


class ReaderStringsTests(VoteTestCase):
    def setUp(self):
        super().setUp()
        # The translation active in this thread, as translation.activate() sets it.
        self.enterContext(
            mock.patch.object(trans_real._active, "value", Marking(), create=True)
        )

    def editors_words(self):
        poll = self.poll
        words = {poll.question, poll.follow_up_question, self.page.title}
        words |= {choice.label for choice in poll.choices.all()}
        help_html = PollSettings.for_request(RequestFactory().get("/")).comment_help
        words |= set(texts(str(help_html)))
        return words

    def assertAllMarked(self, html):
        text = "\n".join(texts(html))
        # A marked sentence may hold a link ("⟪Your feedback on <a>…</a> has…⟫").
        left = MARKED.sub("", text)
        unmarked = [line for line in left.splitlines() if line.strip()]
        unmarked = [line for line in unmarked if line not in self.editors_words()]
        self.assertEqual(unmarked, [])

    def test_the_widget_before_and_after_an_answer(self):
        self.assertAllMarked(render_widget(self.page))
        cookie = self.vote(self.no).cookies["poll_reader"].value
        answered = render_widget(
            self.page, query=f"answered={self.no.pk}", cookies={"poll_reader": cookie}
        )
        self.assertAllMarked(answered)
        self.assertIn("⟪Thank you for your feedback. You answered “No”", answered)
        self.assertIn("⟪It was hard to understand⟫", answered)
        self.assertIn("⟪You can write up to 1,000 characters.⟫", answered)

    def test_the_check_your_comment_page(self):
        response = self.client.post(
            FOLLOW_UP_URL,
            {"page": self.page.pk, "poll": self.poll.pk, "choice": self.no.pk},
            **SAME_ORIGIN,
        )
        context = next(c for c in response.context if "problem" in c).flatten()
        html = render_to_string("polls/includes/follow_up_check.html", context)
        self.assertAllMarked(html)
        self.assertIn("⟪Tick a reason or write a comment.⟫", html)

    def test_the_refusal_and_busy_pages(self):
        """polls' own pages, not the site's versions of them."""
        for name in ["refused.html", "unavailable.html"]:
            with self.subTest(name):
                source = (TEMPLATES / name).read_text()
                context = Context({"message": UNAVAILABLE_MESSAGE})
                html = Template(source).render(context)
                self.assertAllMarked(html)
                self.assertIn("⟪The site is very busy", html)

    def test_the_counter_counts_in_the_readers_language(self):
        self.assertEqual(comment_length_message(999), "⟪You have 1 character left.⟫")
        self.assertEqual(
            comment_length_message(1002), "⟪You have 2 characters too many.⟫"
        )
