"""Approving from the dashboard says what was approved."""

from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils

from testing.pages import make_article
from testing.reviews import (
    approval_url,
    make_clinician,
    review_data,
    reviewed_section,
)


class ReviewApprovedTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index, cls.editor, cls.moderator = reviewed_section()
        cls.page = make_article(cls.index, title="Numb toes", publish=False)
        cls.page.get_workflow().start(cls.page, cls.editor)

    def test_the_dashboard_confirms_the_approval_and_the_review(self):
        self.client.force_login(self.moderator)
        response = self.client.post(
            approval_url(self.page) + "?next=" + reverse("wagtailadmin_home"),
            review_data(make_clinician()),
            follow=True,
        )
        self.assertEqual(response.request["PATH_INFO"], reverse("wagtailadmin_home"))
        self.assertContains(response, "“Numb toes” approved and published.")
        self.assertContains(response, "Medically reviewed by Dr Asha Rao")

    def test_without_an_approval_of_ones_own_it_only_goes_to_the_dashboard(self):
        self.client.force_login(self.moderator)
        response = self.client.get(
            reverse("articles_admin:review_approved", args=[self.page.pk]),
            follow=True,
        )
        self.assertEqual(response.request["PATH_INFO"], reverse("wagtailadmin_home"))
        self.assertNotContains(response, "approved and published")
