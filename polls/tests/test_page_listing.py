from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import GroupPagePermission
from wagtail.test.utils import WagtailTestUtils

from polls.testing import (
    choice,
    default_poll,
    make_group,
    make_page,
    make_user,
    vote,
)


class PageListingTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.poll = default_poll()
        cls.section = make_page("Health")
        cls.answered = make_page("Numb legs", parent=cls.section)
        vote(cls.answered, choice(cls.poll, "Yes"), 4)
        vote(cls.answered, choice(cls.poll, "No"), 1, reader="no")
        cls.quiet = make_page("Cramp", parent=cls.section)
        cls.url = reverse("wagtailadmin_explore", args=[cls.section.pk])
        # A group that edits this section and may read the polls' results.
        GroupPagePermission.objects.create(
            group=make_group("Section editors"),
            page=cls.section,
            permission=Permission.objects.get(codename="change_page"),
        )

    def buttons(self):
        response = self.client.get(self.url)
        soup = BeautifulSoup(response.content, "html.parser")
        link = reverse("polls_admin:page_helpfulness", args=[self.answered.pk])
        return {
            a.get_text(" ", strip=True): a["href"]
            for a in soup.select("a")
            if "/polls/helpfulness/pages/" in a.get("href", "")
        }, link

    def test_answered_pages_show_their_helpfulness(self):
        self.login(make_user("editor", groups=["Section editors"]))
        buttons, link = self.buttons()
        self.assertEqual(buttons, {"80% helpful, 5 answers, all time": link})

    def test_hidden_from_users_without_the_permission(self):
        writers = Group.objects.create(name="Writers")
        writers.permissions.set(
            Group.objects.get(name="Section editors").permissions.exclude(
                codename="view_results"
            )
        )
        self.login(make_user("writer", groups=["Writers"]))
        buttons, _ = self.buttons()
        self.assertEqual(buttons, {})

    def test_no_query_per_row(self):
        self.login(make_user("editor", groups=["Section editors"]))

        def counter_queries():
            with CaptureQueriesContext(connection) as queries:
                self.client.get(self.url)
            self.assertFalse([q for q in queries if "polls_dailycount" in q["sql"]])
            return len([q for q in queries if "polls_pagetotal" in q["sql"]])

        before = counter_queries()
        for n in range(5):
            page = make_page(f"More {n}", parent=self.section)
            vote(page, choice(self.poll, "Yes"), 1, reader=f"r{n}")
        self.assertEqual(counter_queries(), before)
        self.assertLessEqual(before, 2)
