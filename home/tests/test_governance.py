"""The home page's editorial workflow (migration home.0007).

Editors edit the home page and submit it to the "Editorial review";
a Moderator approves it, or publishes directly. The permission matrix
(config/tests/test_admin_permissions.py) checks every role's access.
"""

from http import HTTPStatus

from django.apps import apps
from django.test import TestCase
from django.urls import reverse
from wagtail.models import GroupPagePermission, WorkflowState
from wagtail.test.utils import WagtailTestUtils

from articles.governance import (
    EDITORS,
    FRONT_WORKFLOW,
    MODERATORS,
    REVIEW_WORKFLOW,
    govern_article_sections,
    govern_front_pages,
)
from polls.testing import make_user
from testing.pages import home_form_data, make_article, make_index, site_root


class HomePageWorkflowTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = site_root()
        cls.section = make_index(cls.home)
        govern_article_sections(apps, [cls.section])
        cls.article = make_article(cls.section, title="Numb legs")
        cls.editor = make_user("editor", groups=[EDITORS])
        cls.moderator = make_user("moderator", groups=[MODERATORS])

    def post(self, user, introduction, action, featured=()):
        self.client.force_login(user)
        data = home_form_data(self.home, introduction, featured)
        data[f"action-{action}"] = action
        return self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.home.pk]), data
        )

    def live_home(self):
        return type(self.home).objects.get(pk=self.home.pk)

    def test_an_editor_submits_and_a_moderator_approves(self):
        response = self.post(
            self.editor, "Answers you can trust.", "submit", [self.article]
        )
        self.assertEqual(response.status_code, HTTPStatus.FOUND)
        home = self.live_home()
        self.assertNotIn("Answers you can trust.", home.introduction)
        self.assertEqual(home.current_workflow_task.name, "Moderator approval")

        self.client.force_login(self.moderator)
        state = home.current_workflow_task_state
        self.client.post(
            reverse(
                "wagtailadmin_pages:workflow_action",
                args=[home.pk, "approve", state.pk],
            ),
            {"comment": ""},
        )
        home = self.live_home()
        self.assertIn("Answers you can trust.", home.introduction)
        self.assertEqual(
            home.workflow_states.get().status, WorkflowState.STATUS_APPROVED
        )
        self.assertEqual(home.get_featured_articles(), [self.article.specific])
        self.client.logout()
        self.assertContains(self.client.get("/"), "Answers you can trust.")

    def test_an_editor_cannot_publish_it(self):
        self.post(self.editor, "Straight to readers.", "publish")
        home = self.live_home()
        self.assertNotIn("Straight to readers.", home.introduction)
        self.assertTrue(home.has_unpublished_changes)

    def test_a_moderator_publishes_it_directly(self):
        self.post(self.moderator, "Checked by clinicians.", "publish")
        self.assertIn("Checked by clinicians.", self.live_home().introduction)

    def test_the_home_page_has_the_lighter_workflow_and_sections_keep_theirs(self):
        self.assertEqual(self.home.get_workflow().name, FRONT_WORKFLOW)
        govern_front_pages(apps, [self.home])  # running again changes nothing
        self.assertEqual(self.section.get_workflow().name, REVIEW_WORKFLOW)

    def test_neither_group_may_add_or_delete_pages_there(self):
        grants = GroupPagePermission.objects.filter(page=self.home)
        self.assertEqual(
            {(g.group.name, g.permission.codename) for g in grants},
            {
                (EDITORS, "change_page"),
                (EDITORS, "lock_page"),
                (MODERATORS, "change_page"),
                (MODERATORS, "lock_page"),
                (MODERATORS, "publish_page"),
                (MODERATORS, "unlock_page"),
            },
        )
