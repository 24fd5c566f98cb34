"""Who sees what: one permission, polls.view_results, opens every results view."""

from http import HTTPStatus

from django.contrib.auth.models import AnonymousUser
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils

from polls.models import Response
from polls.permissions import can_view_results, results_permission_policy
from polls.tests.factories import (
    choice,
    comment_on,
    default_poll,
    make_page,
    make_user,
    vote,
)

ADMIN_HOME = reverse("wagtailadmin_home")
LOGIN = reverse("wagtailadmin_login")


class PolicyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_user("editor", groups=["Editors"])
        cls.moderator = make_user("moderator", groups=["Moderators"])
        cls.writer = make_user("writer", permissions=["wagtailadmin.access_admin"])
        cls.reader_of_results = make_user(
            "analyst", permissions=["wagtailadmin.access_admin", "polls.view_results"]
        )
        cls.superuser = make_user("admin", superuser=True)

    def test_view_results_opens_reading_and_change_response_opens_triage(self):
        cases = {
            "editor": (self.editor, True, True),
            "moderator": (self.moderator, True, True),
            "writer": (self.writer, False, False),
            "analyst": (self.reader_of_results, True, False),
            "superuser": (self.superuser, True, True),
            "anonymous": (AnonymousUser(), False, False),
        }
        for name, (user, can_read, can_triage) in cases.items():
            with self.subTest(name):
                self.assertEqual(can_view_results(user), can_read)
                self.assertEqual(
                    results_permission_policy.user_has_permission(user, "change"),
                    can_triage,
                )

    def test_nobody_adds_or_deletes_responses_in_the_admin(self):
        for action in ["add", "delete"]:
            with self.subTest(action):
                self.assertFalse(
                    results_permission_policy.user_has_permission(
                        self.superuser, action
                    )
                )

    def test_inactive_users_see_nothing(self):
        self.editor.is_active = False
        self.assertFalse(can_view_results(self.editor))


class PermissionMatrixTests(WagtailTestUtils, TestCase):
    """Every polls admin URL, for every kind of user."""

    @classmethod
    def setUpTestData(cls):
        poll = default_poll()
        cls.page = make_page("Numb legs")
        vote(cls.page, choice(poll, "Yes"), 10)
        cls.response = comment_on(cls.page, "Out of date")
        cls.users = {
            "no admin access": make_user("visitor"),
            "editor without view_results": make_user(
                "writer", permissions=["wagtailadmin.access_admin"]
            ),
            "Editors group": make_user("editor", groups=["Editors"]),
            "superuser": make_user("admin", superuser=True),
        }
        cls.poll = poll

    def results_urls(self):
        report = reverse("polls_admin:helpfulness")
        return [
            report,
            reverse("polls_admin:helpfulness_results"),
            report + "?export=csv",
            report + "?export=xlsx",
            reverse("polls_admin:page_helpfulness", args=[self.page.pk]),
            reverse("polls_comments:index"),
            reverse("polls_comments:index_results"),
            reverse("polls_comments:index") + "?export=csv",
            reverse("polls_comments:edit", args=[self.response.pk]),
        ]

    def snippet_urls(self):
        return [
            reverse("wagtailsnippets_polls_poll:list"),
            reverse("wagtailsnippets_polls_poll:add"),
            reverse("wagtailsnippets_polls_poll:edit", args=[self.poll.pk]),
        ]

    def test_anonymous_users_and_users_without_admin_access_go_to_the_login(self):
        for who in ["anonymous", "no admin access"]:
            if who != "anonymous":
                self.login(self.users[who])
            for url in self.results_urls() + self.snippet_urls():
                with self.subTest(who=who, url=url):
                    response = self.client.get(url)
                    self.assertEqual(response.status_code, HTTPStatus.FOUND)
                    self.assertTrue(response["Location"].startswith(LOGIN))

    def test_editors_without_view_results_get_403(self):
        self.login(self.users["editor without view_results"])
        for url in self.results_urls():
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, HTTPStatus.FORBIDDEN)
                self.assertNotIn("Content-Disposition", response)
        triage = self.client.post(
            reverse("polls_comments:triage", args=[self.response.pk]),
            {"status": "spam"},
        )
        self.assertEqual(triage.status_code, HTTPStatus.FORBIDDEN)
        self.response.refresh_from_db()
        self.assertEqual(self.response.triage_status, "new")

    def test_editors_without_snippet_permissions_are_refused_as_wagtail_does(self):
        self.login(self.users["editor without view_results"])
        for url in self.snippet_urls():
            with self.subTest(url):
                self.assertRedirects(self.client.get(url), ADMIN_HOME)

    def test_editors_and_superusers_get_every_view(self):
        for who in ["Editors group", "superuser"]:
            self.login(self.users[who])
            for url in self.results_urls() + self.snippet_urls():
                with self.subTest(who=who, url=url):
                    self.assertEqual(self.client.get(url).status_code, HTTPStatus.OK)

    def test_menu_items_and_dashboard_panel_follow_the_permission(self):
        cases = {
            "editor without view_results": False,
            "Editors group": True,
            "superuser": True,
        }
        for who, shown in cases.items():
            with self.subTest(who):
                self.login(self.users[who])
                html = self.client.get(ADMIN_HOME).content.decode()
                self.assertEqual('"article-helpfulness"' in html, shown)
                self.assertEqual('"reader-comments"' in html, shown)
                self.assertEqual('id="polls-helpfulness-section"' in html, shown)

    def test_a_user_who_may_read_but_not_triage(self):
        self.login(
            make_user(
                "analyst",
                permissions=["wagtailadmin.access_admin", "polls.view_results"],
            )
        )
        listing = self.client.get(reverse("polls_comments:index"))
        self.assertEqual(listing.status_code, HTTPStatus.OK)
        self.assertNotContains(listing, reverse("polls_comments:triage", args=[1]))
        edit = self.client.get(reverse("polls_comments:edit", args=[self.response.pk]))
        self.assertEqual(edit.status_code, HTTPStatus.FORBIDDEN)
        self.assertEqual(Response.objects.get(pk=self.response.pk).triage_status, "new")
