"""The featured-article chooser offers published articles only."""

from http import HTTPStatus

from django.apps import apps
from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils

from articles.governance import EDITORS, govern_article_sections
from home.models import HomePage
from polls.testing import make_user
from testing.pages import make_article, make_index, site_root


class LiveArticleChooserTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_index(site_root())
        govern_article_sections(apps, [cls.section])
        cls.live = make_article(cls.section, title="Numb legs")
        cls.draft = make_article(cls.section, title="Half written", publish=False)
        cls.moderated = make_article(cls.section, title="In review", publish=False)
        cls.editor = make_user("editor", groups=[EDITORS])
        cls.moderated.get_workflow().start(cls.moderated, cls.editor)

    def test_lists_only_live_articles(self):
        self.client.force_login(self.editor)
        response = self.client.get(reverse("live_article_chooser:choose"))
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertContains(response, "Numb legs")
        self.assertNotContains(response, "Half written")
        self.assertNotContains(response, "In review")

    def test_the_home_page_editor_uses_it(self):
        self.client.force_login(self.editor)
        home = HomePage.objects.get()
        response = self.client.get(reverse("wagtailadmin_pages:edit", args=[home.pk]))
        self.assertContains(response, reverse("live_article_chooser:choose"))
