"""The approval form's defaults and checks."""

import datetime

from django.test import TestCase
from wagtail.models import Site

from articles.models import ReviewSettings
from articles.review_approval import (
    ReviewApprovalForm,
    add_months,
    review_comment,
    review_defaults,
)
from testing.pages import make_article, make_index
from testing.reviews import make_clinician, review_data
from testing.users import make_user


class AddMonthsTests(TestCase):
    def test_months_on_with_the_end_of_a_month_kept_in_it(self):
        for day, months, expected in [
            (datetime.date(2026, 1, 15), 12, datetime.date(2027, 1, 15)),
            (datetime.date(2026, 1, 31), 1, datetime.date(2026, 2, 28)),
            (datetime.date(2027, 12, 31), 2, datetime.date(2028, 2, 29)),
            (datetime.date(2026, 11, 30), 3, datetime.date(2027, 2, 28)),
        ]:
            with self.subTest(day=day, months=months):
                self.assertEqual(add_months(day, months), expected)


class ReviewDefaultsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(make_index(), title="Numb legs")
        cls.user = make_user("maya")
        cls.today = datetime.date(2026, 12, 2)

    def test_the_linked_contributor_today_and_the_sites_interval(self):
        clinician = make_clinician(user=self.user)
        settings = ReviewSettings.for_site(Site.objects.get(is_default_site=True))
        settings.review_interval_months = 6
        settings.save()
        self.assertEqual(
            review_defaults(self.article, self.user, today=self.today),
            {
                "reviewer": clinician.pk,
                "last_reviewed": self.today,
                "next_review_due": datetime.date(2027, 6, 2),
            },
        )

    def test_no_reviewer_is_proposed_for_a_user_without_a_profile(self):
        make_clinician()
        defaults = review_defaults(self.article, self.user, today=self.today)
        self.assertIsNone(defaults["reviewer"])
        self.assertEqual(defaults["next_review_due"], datetime.date(2027, 12, 2))


class ReviewApprovalFormTests(TestCase):
    def test_cleaned_data_survives_json_and_binds_again(self):
        clinician = make_clinician()
        form = ReviewApprovalForm(data=review_data(clinician))
        self.assertTrue(form.is_valid(), form.errors)
        self.assertEqual(form.cleaned_data["reviewer"], clinician.pk)
        again = ReviewApprovalForm.from_action_data(form.cleaned_data)
        self.assertTrue(again.is_valid(), again.errors)
        self.assertEqual(again.cleaned_data, form.cleaned_data)

    def test_every_field_but_the_comment_is_required(self):
        form = ReviewApprovalForm(data={})
        self.assertFalse(form.is_valid())
        self.assertEqual(
            set(form.errors), {"reviewer", "last_reviewed", "next_review_due"}
        )

    def test_the_comment_names_the_reviewer_and_both_dates(self):
        text = review_comment(
            "Dr Asha Rao", datetime.date(2026, 12, 2), datetime.date(2027, 12, 2), "Ok."
        )
        self.assertEqual(
            text,
            "Medically reviewed by Dr Asha Rao on 2 Dec 2026. "
            "Next review due 2 Dec 2027.\n\nOk.",
        )
