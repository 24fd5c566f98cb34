"""Approving the Clinical review records the medical review it approves."""

import datetime
import json
from http import HTTPStatus

from bs4 import BeautifulSoup
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry, WorkflowState
from wagtail.test.utils import WagtailTestUtils

from articles.models import ArticlePage
from articles.structured_data import medical_web_page
from testing.pages import article_form_data, make_article
from testing.reviews import (
    approval_url,
    make_clinician,
    review_data,
    reviewed_section,
)

XHR = {"x-requested-with": "XMLHttpRequest"}


class ReviewTestCase(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index, cls.editor, cls.moderator = reviewed_section()
        cls.clinician = make_clinician(user=cls.moderator)

    def submitted(self, title="Why do my hands tingle?", **form):
        """An article the editor wrote and submitted, as the editor's form sends it."""
        self.client.force_login(self.editor)
        data = article_form_data(title, **form)
        data["action-submit"] = "Submit"
        response = self.client.post(
            reverse(
                "wagtailadmin_pages:add",
                args=["articles", "articlepage", self.index.pk],
            ),
            data,
        )
        self.assertEqual(response.status_code, HTTPStatus.FOUND)
        page = ArticlePage.objects.get(title=title)
        self.assertEqual(page.current_workflow_task.name, "Clinical review")
        return page

    def approve(self, page, data, **headers):
        self.client.force_login(self.moderator)
        return self.client.post(approval_url(page), data, headers=headers)


class ApprovalRecordsTheReviewTests(ReviewTestCase):
    def test_the_live_article_says_who_reviewed_it_and_when(self):
        page = self.submitted()
        reviewed = timezone.localdate() - datetime.timedelta(days=1)
        due = reviewed + datetime.timedelta(days=200)
        self.approve(page, review_data(self.clinician, reviewed, due))

        live = ArticlePage.objects.get(pk=page.pk)
        self.assertTrue(live.live)
        self.assertEqual(
            (live.reviewer, live.last_reviewed, live.next_review_due),
            (self.clinician, reviewed, due),
        )
        self.assertEqual(live.live_revision, live.latest_revision)
        self.client.logout()
        response = self.client.get(live.url)
        self.assertContains(response, "Medically reviewed by")
        self.assertContains(response, f"{reviewed:%Y-%m-%d}")
        self.assertNotContains(response, "Not yet medically reviewed")
        data = medical_web_page(live, url=live.full_url)
        self.assertEqual(data["reviewedBy"]["name"], "Dr Asha Rao")
        self.assertEqual(data["lastReviewed"], reviewed)

    def test_the_history_says_who_approved_the_review_and_when(self):
        page = self.submitted()
        self.approve(page, review_data(self.clinician, comment="Sources checked."))
        entry = PageLogEntry.objects.get(page=page, action="wagtail.workflow.approve")
        self.assertEqual(entry.user, self.moderator)
        comment = entry.data["comment"]
        self.assertIn("Medically reviewed by Dr Asha Rao, MBBS, MRCGP on", comment)
        self.assertIn("Next review due", comment)
        self.assertIn("Sources checked.", comment)

        response = self.client.get(
            reverse("wagtailadmin_pages:history", args=[page.pk])
        )
        self.assertContains(response, "Medically reviewed by Dr Asha Rao")

    def test_approving_from_the_editor_records_the_review_too(self):
        page = self.submitted()
        self.client.force_login(self.moderator)
        data = article_form_data(page.title)
        data["action-workflow-action"] = "true"
        data["workflow-action-name"] = "approve"
        data["workflow-action-extra-data"] = json.dumps(review_data(self.clinician))
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), data
        )
        self.assertEqual(response.status_code, HTTPStatus.FOUND)
        live = ArticlePage.objects.get(pk=page.pk)
        self.assertTrue(live.live)
        self.assertEqual(live.reviewer, self.clinician)

    def test_a_draft_with_its_optional_parts_empty_is_submitted_and_approved(self):
        page = self.submitted("Why do my toes tingle?", empty_parts=True)
        response = self.approve(page, review_data(self.clinician))
        self.assertEqual(response.status_code, HTTPStatus.FOUND)
        live = ArticlePage.objects.get(pk=page.pk)
        self.assertTrue(live.live)
        self.assertEqual(
            [block.block_type for block in live.body],
            ["paragraph", "causes", "prevention"],
        )
        self.assertEqual(list(live.body[2].value["tips"]), ["Stretch"])
        self.assertEqual(len(live.body[1].value["causes"]), 2)
        self.assertEqual(len(live.references), 0)


class ApprovalFormTests(ReviewTestCase):
    def test_the_form_proposes_the_linked_contributor_today_and_a_year_on(self):
        page = self.submitted()
        self.client.force_login(self.moderator)
        response = self.client.get(approval_url(page))
        html = json.loads(response.content)["html"]
        today = timezone.localdate()
        self.assertIn(f'<option value="{self.clinician.pk}" selected>', html)
        self.assertIn(f'value="{today:%Y-%m-%d}"', html)
        self.assertIn(f'value="{today.replace(year=today.year + 1):%Y-%m-%d}"', html)

    def test_a_next_review_before_the_review_is_refused_and_nothing_publishes(self):
        page = self.submitted()
        today = timezone.localdate()
        data = review_data(self.clinician, today, today - datetime.timedelta(days=1))
        response = self.approve(page, data, **XHR)
        self.assertIn(
            "The next review must come after the review date.",
            json.loads(response.content)["html"],
        )
        page.refresh_from_db()
        self.assertFalse(page.live)
        self.assertEqual(
            page.current_workflow_state.status, WorkflowState.STATUS_IN_PROGRESS
        )

    def test_a_review_date_in_the_future_is_refused(self):
        page = self.submitted()
        tomorrow = timezone.localdate() + datetime.timedelta(days=1)
        response = self.approve(page, review_data(self.clinician, tomorrow), **XHR)
        self.assertIn("cannot be in the future", json.loads(response.content)["html"])

    def test_forged_review_data_from_the_editor_is_a_bad_request(self):
        page = self.submitted()
        self.client.force_login(self.moderator)
        data = article_form_data(page.title)
        data["action-workflow-action"] = "true"
        data["workflow-action-name"] = "approve"
        data["workflow-action-extra-data"] = json.dumps({"reviewer": 0})
        response = self.client.post(
            reverse("wagtailadmin_pages:edit", args=[page.pk]), data
        )
        self.assertEqual(response.status_code, HTTPStatus.BAD_REQUEST)
        self.assertFalse(ArticlePage.objects.get(pk=page.pk).live)

    def test_approve_is_offered_before_unpublish_in_the_editors_menu(self):
        page = self.submitted()
        page.save_revision().publish()  # live, with changes in review
        page = ArticlePage.objects.get(pk=page.pk)
        page.get_workflow().start(page, self.editor)
        self.client.force_login(self.moderator)
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        menu = BeautifulSoup(response.content, "html.parser").select_one(
            "[data-w-dropdown-target=content]:has([data-workflow-action-name])"
        )
        actions = [" ".join(item.get_text().split()) for item in menu.select(".button")]
        self.assertEqual(
            actions[:3], ["Approve and Publish", "Request changes", "Unpublish"]
        )


class WithoutTheWorkflowTests(ReviewTestCase):
    def test_an_article_published_directly_is_not_yet_medically_reviewed(self):
        page = make_article(self.index, title="Published directly")
        response = self.client.get(page.url)
        self.assertContains(response, "Not yet medically reviewed")
        self.assertNotIn("reviewedBy", medical_web_page(page, url=page.full_url))

    def test_editors_cannot_type_a_review_into_the_article(self):
        page = make_article(self.index, title="Typed review")
        self.client.force_login(self.moderator)
        data = article_form_data(page.title)
        data.update(
            reviewer=self.clinician.pk,
            last_reviewed=timezone.localdate().isoformat(),
            **{"action-publish": "Publish"},
        )
        self.client.post(reverse("wagtailadmin_pages:edit", args=[page.pk]), data)
        live = ArticlePage.objects.get(pk=page.pk)
        self.assertIsNone(live.reviewer)
        self.assertIsNone(live.last_reviewed)


class ReviewsDueTests(ReviewTestCase):
    def test_an_approved_article_due_soon_is_listed_with_its_reviewer(self):
        page = self.submitted()
        reviewed = timezone.localdate() - datetime.timedelta(days=340)
        due = timezone.localdate() + datetime.timedelta(days=10)
        self.approve(page, review_data(self.clinician, reviewed, due))
        response = self.client.get(reverse("articles_admin:reviews_due"))
        self.assertContains(response, page.title)
        self.assertContains(response, "Dr Asha Rao")
        self.assertContains(response, "Due in 10 days")
