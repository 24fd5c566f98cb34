"""The home page's form drops empty featured rows and refuses drafts."""

from http import HTTPStatus

from django.apps import apps
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils

from articles.governance import EDITORS, MODERATORS, govern_article_sections
from home.models import HomePageFeaturedArticle
from polls.testing import make_user
from testing.pages import home_form_data, make_article, make_index, site_root


class FeaturedArticleRowsTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = site_root()
        cls.section = make_index(cls.home)
        govern_article_sections(apps, [cls.section])
        cls.article = make_article(cls.section, title="Numb legs")
        cls.draft = make_article(cls.section, title="Half written", publish=False)
        cls.editor = make_user("editor", groups=[EDITORS])
        cls.moderator = make_user("moderator", groups=[MODERATORS])

    def post(self, user, featured, action=None):
        self.client.force_login(user)
        data = home_form_data(self.home, "Welcome.", featured)
        if action:
            data[f"action-{action}"] = action
        return self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.home.pk]), data
        )

    def autosave(self, user, featured):
        self.client.force_login(user)
        return self.client.post(
            reverse("wagtailadmin_pages:edit", args=[self.home.pk]),
            home_form_data(self.home, "Welcome.", featured),
            headers={"accept": "application/json"},
        )

    def test_an_empty_row_does_not_stop_autosave_submit_or_publish(self):
        with self.subTest("autosave"):
            response = self.autosave(self.editor, [self.article, None])
            self.assertEqual(response.status_code, HTTPStatus.OK, response.content)
        with self.subTest("submit"):
            response = self.post(self.editor, [None, self.article], "submit")
            self.assertEqual(response.status_code, HTTPStatus.FOUND)
            self.assertEqual(
                self.home.specific_class.objects.get(
                    pk=self.home.pk
                ).current_workflow_task.name,
                "Moderator approval",
            )
        with self.subTest("publish"):
            response = self.post(self.moderator, [self.article, None], "publish")
            self.assertEqual(response.status_code, HTTPStatus.FOUND)
            rows = HomePageFeaturedArticle.objects.filter(home_page=self.home)
            self.assertEqual([row.article_id for row in rows], [self.article.pk])

    def test_an_unpublished_article_is_refused_with_its_title(self):
        response = self.post(self.moderator, [self.draft], "publish")
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertContains(
            response, "“Half written” is not published; choose a published article."
        )
        self.assertFalse(HomePageFeaturedArticle.objects.exists())
