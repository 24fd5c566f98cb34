import datetime
from http import HTTPStatus
from io import StringIO

from django.apps import apps
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    TaskState,
    WorkflowState,
    WorkflowTask,
)
from wagtail.test.utils import WagtailTestUtils

from articles.governance import (
    EDITORS,
    MODERATORS,
    REVIEW_WORKFLOW,
    govern_article_sections,
    grant_poll_permissions,
    set_up_editorial_groups,
    use_review_task,
)
from articles.models import ArticlePage, ClinicalReviewTask
from testing.pages import (
    article_form_data,
    make_article,
    make_index,
    site_root,
)
from testing.reviews import approval_url, make_clinician, review_data
from testing.users import make_user


class EditorialGroupsTests(TestCase):
    """The data migration has run on the test database; these check its result."""

    @classmethod
    def setUpTestData(cls):
        cls.index = make_index()
        govern_article_sections(apps, [cls.index])

    def page_permissions(self, group_name, page=None):
        grants = GroupPagePermission.objects.filter(group__name=group_name)
        if page is not None:
            grants = grants.filter(page=page)
        return {(p.page_id, p.permission.codename) for p in grants}

    def test_editors_edit_articles_but_cannot_publish(self):
        self.assertEqual(
            self.page_permissions(EDITORS, self.index),
            {
                (self.index.pk, "add_page"),
                (self.index.pk, "change_page"),
                (self.index.pk, "lock_page"),
            },
        )

    def test_moderators_may_also_publish_and_unlock(self):
        codenames = {
            codename for _, codename in self.page_permissions(MODERATORS, self.index)
        }
        self.assertEqual(
            codenames,
            {"add_page", "change_page", "lock_page", "publish_page", "unlock_page"},
        )

    def test_no_group_keeps_permissions_on_the_whole_tree(self):
        self.assertFalse(
            GroupPagePermission.objects.filter(
                group__name__in=[EDITORS, MODERATORS], page__depth=1
            ).exists()
        )

    def test_model_permissions_are_the_least_each_group_needs(self):
        editor = make_user("ed", EDITORS)
        moderator = make_user("mo", MODERATORS)
        for perm, editor_has, moderator_has in [
            ("wagtailadmin.access_admin", True, True),
            ("articles.view_reviews_due", True, True),
            ("articles.view_contributor", True, True),
            ("articles.change_contributor", False, True),
            ("articles.add_topic", False, True),
            ("articles.delete_topic", False, False),
            ("wagtailsearchpromotions.add_searchpromotion", False, True),
            ("wagtailimages.delete_image", False, False),
        ]:
            with self.subTest(perm=perm):
                self.assertEqual(editor.has_perm(perm), editor_has)
                self.assertEqual(moderator.has_perm(perm), moderator_has)

    def test_both_groups_read_poll_results_triage_comments_and_manage_polls(self):
        """Granted by the site (articles.0006), not by polls, which knows no groups."""
        editor = make_user("ed", EDITORS)
        moderator = make_user("mo", MODERATORS)
        for perm in [
            "polls.view_results",
            "polls.view_response",
            "polls.change_response",
            "polls.add_poll",
            "polls.change_poll",
            "polls.delete_poll",
            "polls.view_poll",
        ]:
            with self.subTest(perm=perm):
                self.assertTrue(editor.has_perm(perm))
                self.assertTrue(moderator.has_perm(perm))
        self.assertFalse(editor.has_perm("polls.delete_response"))
        self.assertFalse(moderator.has_perm("polls.add_response"))

    def test_granting_the_poll_permissions_again_changes_nothing(self):
        """As on a database whose polls migrations 0003 and 0004 granted them."""
        before = {
            group.name: set(group.permissions.values_list("pk", flat=True))
            for group in Group.objects.filter(name__in=[EDITORS, MODERATORS])
        }
        grant_poll_permissions(apps)
        after = {
            group.name: set(group.permissions.values_list("pk", flat=True))
            for group in Group.objects.filter(name__in=[EDITORS, MODERATORS])
        }
        self.assertEqual(after, before)
        self.assertEqual(len(before), 2)

    def test_sections_are_under_clinical_review(self):
        workflow = self.index.get_workflow()
        self.assertEqual(workflow.name, REVIEW_WORKFLOW)
        task = workflow.tasks.get().specific
        self.assertIsInstance(task, ClinicalReviewTask)
        self.assertEqual(list(task.groups.values_list("name", flat=True)), [MODERATORS])
        task = workflow.tasks.get().specific
        self.assertEqual([g.name for g in task.groups.all()], [MODERATORS])

    def test_running_again_changes_nothing(self):
        before = GroupPagePermission.objects.count()
        set_up_editorial_groups(apps)
        govern_article_sections(apps)
        self.assertEqual(GroupPagePermission.objects.count(), before)
        self.assertEqual(Group.objects.filter(name=EDITORS).count(), 1)

    def test_a_section_created_in_the_admin_is_governed(self):
        admin = get_user_model().objects.create_superuser(
            "admin", "", "pw", first_name="Ada", last_name="Admin"
        )
        self.client.force_login(admin)
        response = self.client.post(
            reverse(
                "wagtailadmin_pages:add",
                args=["articles", "articleindexpage", site_root().pk],
            ),
            {"title": "Guides", "slug": "guides", "introduction": ""},
        )
        self.assertEqual(response.status_code, HTTPStatus.FOUND)
        section = self.index.get_siblings().get(slug="guides")
        self.assertEqual(section.get_workflow().name, REVIEW_WORKFLOW)
        self.assertIn((section.pk, "add_page"), self.page_permissions(EDITORS))


class ReviewTaskMigrationTests(TestCase):
    """Migration articles.0009, on a site whose Clinical review was a group approval."""

    def test_the_group_approval_becomes_a_review_task_and_its_states_follow(self):
        index = make_index()
        govern_article_sections(apps, [index])
        workflow = index.get_workflow()
        link = WorkflowTask.objects.get(workflow=workflow)
        old = GroupApprovalTask.objects.create(name="Clinical review")
        old.groups.add(Group.objects.get(name=MODERATORS))
        link.task = old
        link.save()
        page = make_article(index, title="Waiting", publish=False)
        workflow.start(page, make_user("editor", EDITORS))

        use_review_task(apps)
        use_review_task(apps)  # again: nothing more changes

        task = WorkflowTask.objects.get(workflow=workflow).task.specific
        self.assertIsInstance(task, ClinicalReviewTask)
        self.assertEqual(task.name, "Clinical review")
        self.assertEqual(list(task.groups.values_list("name", flat=True)), [MODERATORS])
        self.assertEqual(TaskState.objects.get().task_id, task.pk)
        self.assertFalse(GroupApprovalTask.objects.filter(pk=old.pk).exists())
        page = ArticlePage.objects.get(pk=page.pk)
        self.assertEqual(page.current_workflow_task.specific, task)


class ClinicalReviewWorkflowTests(WagtailTestUtils, TestCase):
    """An article goes draft → clinical review → published, by the right people."""

    @classmethod
    def setUpTestData(cls):
        cls.index = make_index()
        govern_article_sections(apps, [cls.index])
        cls.editor = make_user("editor", EDITORS)
        cls.moderator = make_user("moderator", MODERATORS)
        cls.outsider = make_user("outsider")

    def create_draft(self, **extra):
        self.client.force_login(self.editor)
        data = article_form_data("Why do my hands tingle?")
        data.update(extra)
        return self.client.post(
            reverse(
                "wagtailadmin_pages:add",
                args=["articles", "articlepage", self.index.pk],
            ),
            data,
        )

    def approve(self, page, user):
        self.client.force_login(user)
        return self.client.post(
            approval_url(page),
            review_data(make_clinician(), comment="Clinically accurate."),
        )

    def test_editor_submits_and_a_moderator_approves_and_publishes(self):
        response = self.create_draft(**{"action-submit": "Submit"})
        self.assertEqual(response.status_code, HTTPStatus.FOUND)
        page = ArticlePage.objects.get(slug="why-do-my-hands-tingle")
        self.assertFalse(page.live)
        self.assertEqual(page.current_workflow_task.name, "Clinical review")
        self.assertEqual(
            page.current_workflow_state.status, WorkflowState.STATUS_IN_PROGRESS
        )

        self.approve(page, self.moderator)
        page.refresh_from_db()
        self.assertTrue(page.live)
        self.assertEqual(
            page.workflow_states.get().status, WorkflowState.STATUS_APPROVED
        )
        self.assertEqual(self.client.get(page.url).status_code, HTTPStatus.OK)

    def test_only_moderators_can_approve(self):
        self.create_draft(**{"action-submit": "Submit"})
        page = ArticlePage.objects.get(slug="why-do-my-hands-tingle")
        for user in [self.editor, self.outsider]:
            with self.subTest(user=user.username):
                response = self.approve(page, user)
                # The admin answers PermissionDenied with a redirect (home
                # for editors, login for users without admin access).
                self.assertEqual(response.status_code, HTTPStatus.FOUND)
                self.assertNotEqual(response["Location"], page.url)
                page.refresh_from_db()
                self.assertFalse(page.live)
                self.assertEqual(
                    page.current_workflow_state.status,
                    WorkflowState.STATUS_IN_PROGRESS,
                )

    def test_an_editor_cannot_publish_directly(self):
        self.create_draft(**{"action-publish": "Publish"})
        page = ArticlePage.objects.get(slug="why-do-my-hands-tingle")
        self.assertFalse(page.live)
        self.assertIsNone(page.current_workflow_state)

    def test_a_user_outside_the_groups_cannot_edit_articles(self):
        self.client.force_login(self.outsider)
        response = self.client.get(
            reverse("wagtailadmin_pages:edit", args=[self.index.pk])
        )
        self.assertNotEqual(response.status_code, HTTPStatus.OK)

    def test_an_outsider_cannot_edit_the_home_page(self):
        self.client.force_login(self.outsider)
        response = self.client.get(
            reverse("wagtailadmin_pages:edit", args=[site_root().pk])
        )
        self.assertNotEqual(response.status_code, HTTPStatus.OK)

    def test_revisions_can_be_compared(self):
        page = make_article(self.index, title="Revisions")
        first = page.get_latest_revision()
        page.summary = "A changed summary."
        second = page.save_revision()
        self.client.force_login(self.moderator)
        response = self.client.get(
            reverse(
                "wagtailadmin_pages:revisions_compare",
                args=[page.pk, first.pk, second.pk],
            )
        )
        self.assertContains(response, "A changed summary.")

    def test_a_moderator_can_lock_an_article(self):
        page = make_article(self.index, title="Locked")
        self.client.force_login(self.moderator)
        self.client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
        page.refresh_from_db()
        self.assertTrue(page.locked)
        self.assertEqual(page.locked_by, self.moderator)


class ScheduledPublishingTests(TestCase):
    def test_publish_scheduled_publishes_an_article_whose_time_has_come(self):
        index = make_index()
        page = make_article(index, title="Scheduled", publish=False)
        revision = page.save_revision(
            approved_go_live_at=timezone.now() + datetime.timedelta(hours=1)
        )
        page.go_live_at = revision.approved_go_live_at
        call_command("publish_scheduled", stdout=StringIO())
        page.refresh_from_db()
        self.assertFalse(page.live)

        revision.approved_go_live_at = timezone.now() - datetime.timedelta(minutes=1)
        revision.save()
        call_command("publish_scheduled", stdout=StringIO())
        page.refresh_from_db()
        self.assertTrue(page.live)
