"""Autosave creates the page; the editor's own first save follows it.

On a new page, Wagtail's autosave posts the half-written form to the create
view, which creates the page. If the editor presses "Save draft" before the
browser has heard back (a slow server), that post goes to the create view
too, and used to fail: "The slug '…' is already in use".
"""

import datetime
import uuid
from http import HTTPStatus
from unittest import mock

from django.apps import apps
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils

from articles.governance import EDITORS, govern_article_sections
from articles.models import ArticlePage, PageCreation
from articles.page_creation import WAIT
from testing.pages import article_form_data, make_article, make_index
from testing.users import make_user

JSON = {"accept": "application/json"}


class AutosaveThenSaveTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_index()
        govern_article_sections(apps, [cls.index])
        cls.editor = make_user("editor", EDITORS)

    def setUp(self):
        self.client.force_login(self.editor)
        self.create_url = reverse(
            "wagtailadmin_pages:add", args=["articles", "articlepage", self.index.pk]
        )
        self.key = str(uuid.uuid4())

    def form(self, title="Why do my feet tingle?", **extra):
        data = article_form_data(title)
        data["creation_key"] = self.key
        data.update(extra)
        return data

    def test_the_editors_save_after_an_autosave_updates_that_page(self):
        autosave = self.client.post(self.create_url, self.form(), headers=JSON)
        self.assertEqual(autosave.status_code, HTTPStatus.OK, autosave.content)
        page = ArticlePage.objects.get()

        response = self.client.post(
            self.create_url, self.form(summary="The editor's own summary.")
        )
        self.assertEqual(response.status_code, HTTPStatus.TEMPORARY_REDIRECT)
        self.assertEqual(
            response["Location"], reverse("wagtailadmin_pages:edit", args=[page.pk])
        )
        # The browser posts the same form again, to the page's edit view.
        response = self.client.post(
            response["Location"], self.form(summary="The editor's own summary.")
        )
        self.assertEqual(response.status_code, HTTPStatus.FOUND)
        self.assertEqual(ArticlePage.objects.count(), 1)
        draft = ArticlePage.objects.get().get_latest_revision_as_object()
        self.assertEqual(draft.summary, "The editor's own summary.")

    def test_a_changed_slug_does_not_make_a_second_page(self):
        self.client.post(self.create_url, self.form("Why do my f"), headers=JSON)
        response = self.client.post(
            self.create_url, self.form("Why do my feet tingle?"), follow=True
        )
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertEqual(ArticlePage.objects.count(), 1)
        draft = ArticlePage.objects.get().get_latest_revision_as_object()
        self.assertEqual(draft.slug, "why-do-my-feet-tingle")

    def test_publish_and_submit_follow_the_page_too(self):
        self.client.post(self.create_url, self.form(), headers=JSON)
        self.client.post(
            self.create_url, self.form(**{"action-submit": "Submit"}), follow=True
        )
        page = ArticlePage.objects.get()
        self.assertEqual(page.current_workflow_task.name, "Clinical review")

    def test_another_create_form_makes_another_page(self):
        self.client.post(self.create_url, self.form(), headers=JSON)
        self.key = str(uuid.uuid4())
        response = self.client.post(self.create_url, self.form())
        # Wagtail's own answer to a second page with the same slug.
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertContains(response, "is already in use within the parent page")
        self.assertEqual(ArticlePage.objects.count(), 1)

    def test_another_editor_cannot_follow_someone_elses_page(self):
        self.client.post(self.create_url, self.form(), headers=JSON)
        self.client.force_login(make_user("other", EDITORS))
        response = self.client.post(self.create_url, self.form())
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertEqual(ArticlePage.objects.count(), 1)

    def test_the_create_form_carries_a_fresh_key(self):
        first = self.client.get(self.create_url)
        second = self.client.get(self.create_url)
        keys = [
            response.context["form"]["creation_key"].value()
            for response in (first, second)
        ]
        self.assertTrue(all(keys))
        self.assertNotEqual(*keys)


class WaitingForTheAutosaveTests(WagtailTestUtils, TestCase):
    """The save arrives while the autosave is still creating the page."""

    @classmethod
    def setUpTestData(cls):
        cls.index = make_index()
        govern_article_sections(apps, [cls.index])
        cls.editor = make_user("editor", EDITORS)
        cls.page = make_article(cls.index, title="Autosaved", publish=False)

    def setUp(self):
        self.client.force_login(self.editor)
        self.key = uuid.uuid4()
        self.claim = PageCreation.objects.create(key=self.key, user=self.editor)

    def save(self):
        data = article_form_data("Autosaved")
        data["creation_key"] = str(self.key)
        return self.client.post(
            reverse(
                "wagtailadmin_pages:add",
                args=["articles", "articlepage", self.index.pk],
            ),
            data,
        )

    def test_it_waits_for_the_page_and_follows_it(self):
        def autosave_finishes(seconds):
            PageCreation.objects.filter(pk=self.claim.pk).update(page=self.page)

        with mock.patch("articles.page_creation.time.sleep", autosave_finishes):
            response = self.save()
        self.assertEqual(response.status_code, HTTPStatus.TEMPORARY_REDIRECT)
        self.assertEqual(
            response["Location"],
            reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
        )

    def test_a_claim_that_never_made_its_page_is_not_waited_for(self):
        PageCreation.objects.filter(pk=self.claim.pk).update(
            started_at=self.claim.started_at - WAIT - datetime.timedelta(seconds=1)
        )
        with mock.patch("articles.page_creation.time.sleep") as sleep:
            response = self.save()
        sleep.assert_not_called()
        self.assertEqual(response.status_code, HTTPStatus.OK)  # Wagtail's slug error
