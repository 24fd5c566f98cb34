from django.db import connection
from django.test import RequestFactory, TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page

from polls.admin.panels import HelpfulnessPanel, ResponseDetailsPanel
from polls.models import Response
from polls.testing import (
    choice,
    comment_on,
    default_poll,
    make_editor,
    make_page,
    make_user,
    vote,
)


def bound(panel, model, instance, user):
    request = RequestFactory().get("/admin/")
    request.user = user
    return panel.bind_to_model(model).get_bound_panel(
        instance=instance, request=request, form=None
    )


class HelpfulnessPanelTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        poll = default_poll()
        cls.page = make_page("Numb legs")
        vote(cls.page, choice(poll, "Yes"), 7)
        vote(cls.page, choice(poll, "No"), 2, reader="no")
        cls.editor = make_editor("editor")

    def test_summarises_the_page_with_a_link_to_its_report(self):
        panel = bound(HelpfulnessPanel(), Page, self.page, self.editor)
        self.assertTrue(panel.is_shown())
        html = panel.render_html()
        self.assertIn("78% helpful, 9 answers", html)
        self.assertIn(
            reverse("polls_admin:page_helpfulness", args=[self.page.pk]), html
        )
        self.assertIn("Not ranked among the most or least helpful pages", html)

    def test_nothing_for_a_new_page_or_a_user_without_the_permission(self):
        writer = make_user("writer", permissions=["wagtailadmin.access_admin"])
        cases = {
            "new page": (Page(title="Draft"), self.editor),
            "no permission": (self.page, writer),
        }
        for name, (page, user) in cases.items():
            with self.subTest(name):
                self.assertFalse(bound(HelpfulnessPanel(), Page, page, user).is_shown())

    def test_reads_the_page_totals(self):
        panel = bound(HelpfulnessPanel(), Page, self.page, self.editor)
        with CaptureQueriesContext(connection) as queries:
            panel.render_html()
        sql = " ".join(q["sql"] for q in queries)
        self.assertIn("polls_pagetotal", sql)
        self.assertNotIn("polls_dailycount", sql)

    def test_a_page_without_answers(self):
        html = bound(
            HelpfulnessPanel(), Page, make_page("Quiet"), self.editor
        ).render_html()
        self.assertIn("No answers yet", html)


class ResponseDetailsPanelTests(TestCase):
    def test_shows_what_the_reader_said_escaped_and_flagged(self):
        page = make_page("Numb legs")
        response = comment_on(page, "<b>Mail</b> me: jo@example.com")
        page.delete()
        response = Response.objects.get(pk=response.pk)
        html = bound(
            ResponseDetailsPanel(), Response, response, make_user("a", superuser=True)
        ).render_html()
        self.assertIn("&lt;b&gt;Mail&lt;/b&gt; me: jo@example.com", html)
        self.assertIn("may contain an email address or phone number", html)
        self.assertIn("Numb legs (deleted)", html)
        self.assertIn("Something else", html)
