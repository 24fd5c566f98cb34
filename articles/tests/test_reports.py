import csv
import datetime
import io
from http import HTTPStatus

from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils import WagtailTestUtils

from articles.models import ArticlePage, Contributor
from testing.pages import make_article, make_index

REPORT_URL = reverse("articles_admin:reviews_due")


class ReviewsDueReportTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        today = timezone.localdate()
        cls.reviewer = Contributor.objects.create(name="Dr Rowan Ash", credentials="MB")
        index = make_index()

        def reviewed(title, last, due, **fields):
            return make_article(
                index,
                title=title,
                reviewer=cls.reviewer,
                last_reviewed=today - datetime.timedelta(days=last),
                next_review_due=today + datetime.timedelta(days=due),
                **fields,
            )

        cls.overdue = reviewed("Overdue article", last=400, due=-35)
        cls.due_soon = reviewed("Due soon article", last=340, due=20)
        cls.fresh = reviewed("Fresh article", last=10, due=355)
        cls.unscheduled = make_article(index, title="Never reviewed article")
        cls.draft = make_article(index, title="Draft overdue", publish=False)

    def setUp(self):
        self.login()

    def test_lists_overdue_due_soon_and_unscheduled_but_not_fresh(self):
        response = self.client.get(REPORT_URL)
        self.assertEqual(response.status_code, HTTPStatus.OK)
        listed = [page.title for page in response.context["object_list"]]
        self.assertEqual(
            listed,
            ["Never reviewed article", "Overdue article", "Due soon article"],
        )
        self.assertContains(response, "Overdue by 35 days")
        self.assertContains(response, "Due in 20 days")
        self.assertContains(response, "Dr Rowan Ash")
        self.assertNotContains(response, "Fresh article")

    def test_the_window_is_thirty_days(self):
        today = timezone.localdate()
        self.assertIn(
            self.due_soon, ArticlePage.objects.reviews_due(today=today, within_days=30)
        )
        self.assertNotIn(
            self.due_soon, ArticlePage.objects.reviews_due(today=today, within_days=19)
        )

    def test_filters_by_reviewer(self):
        other = Contributor.objects.create(name="Dr Other")
        response = self.client.get(REPORT_URL, {"reviewer": other.pk})
        self.assertEqual(list(response.context["object_list"]), [])

    def test_exports_csv_with_reviewer_and_dates(self):
        response = self.client.get(REPORT_URL, {"export": "csv"})
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertIn("reviews-due-", response["Content-Disposition"])
        content = b"".join(response.streaming_content).decode()
        rows = list(csv.DictReader(io.StringIO(content)))
        self.assertEqual(
            [row["Article"] for row in rows],
            ["Never reviewed article", "Overdue article", "Due soon article"],
        )
        overdue = rows[1]
        self.assertEqual(overdue["Reviewer"], "Dr Rowan Ash, MB")
        self.assertEqual(overdue["Next review due"], str(self.overdue.next_review_due))
        self.assertEqual(overdue["URL"], self.overdue.full_url)

    def test_export_cells_never_run_as_formulas(self):
        """A title a spreadsheet would run gets a leading apostrophe."""
        make_article(
            self.unscheduled.get_parent(),
            title='=HYPERLINK("http://evil.test", "Open me")',
        )
        response = self.client.get(REPORT_URL, {"export": "csv"})
        content = b"".join(response.streaming_content).decode()
        titles = [row["Article"] for row in csv.DictReader(io.StringIO(content))]
        self.assertIn('\'=HYPERLINK("http://evil.test", "Open me")', titles)

    def test_exports_xlsx(self):
        response = self.client.get(REPORT_URL, {"export": "xlsx"})
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertIn("spreadsheetml", response["Content-Type"])

    def test_results_only_view_for_filtering(self):
        response = self.client.get(reverse("articles_admin:reviews_due_results"))
        self.assertContains(response, "Overdue article")

    def test_shown_in_the_reports_menu(self):
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertContains(response, REPORT_URL)
