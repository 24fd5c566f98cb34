"""Who sees what: one permission, polls.view_results, opens every results view."""

from http import HTTPStatus

from django.contrib.auth.models import AnonymousUser
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils

from polls.admin.permissions import can_view_results, results_permission_policy
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

ADMIN_HOME = reverse("wagtailadmin_home")
LOGIN = reverse("wagtailadmin_login")


class PolicyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.editor = make_editor("editor")
        cls.moderator = make_editor("moderator")
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


class RefusalTests(WagtailTestUtils, TestCase):
    """What a refusal leaves untouched. Who gets which view, for every admin
    URL of the site, is the matrix in config/tests/test_admin_permissions.py."""

    @classmethod
    def setUpTestData(cls):
        poll = default_poll()
        cls.page = make_page("Numb legs")
        vote(cls.page, choice(poll, "Yes"), 10)
        cls.response = comment_on(cls.page, "Out of date")

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

    def test_editors_without_view_results_get_403(self):
        self.login(make_user("writer", permissions=["wagtailadmin.access_admin"]))
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
