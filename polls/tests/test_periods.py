"""One period, one label, one number: "Last 30 days" is the same everywhere."""

import csv
import datetime
import io

from bs4 import BeautifulSoup
from django.test import RequestFactory, SimpleTestCase, TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils import WagtailTestUtils

from polls.admin import digest_mail
from polls.admin.components import HelpfulnessDashboardPanel
from polls.insight import attention, periods
from polls.insight.digest import build_digest
from polls.testing import choice, default_poll, make_editor, make_page, vote

DAY = datetime.timedelta(days=1)
TODAY = datetime.date(2026, 12, 2)


class PeriodTests(SimpleTestCase):
    def test_last_days_are_complete_days_up_to_yesterday(self):
        period = periods.last_days(30, TODAY)
        self.assertEqual(
            (period.start, period.end, period.days),
            (datetime.date(2026, 11, 2), datetime.date(2026, 12, 1), 30),
        )
        self.assertEqual(period.label, "Last 30 days (2 Nov – 1 Dec 2026)")
        self.assertEqual(periods.last_days(1, TODAY).label, "Last day (1 Dec 2026)")

    def test_labels_across_a_new_year_and_before_a_period(self):
        period = periods.last_days(7, datetime.date(2027, 1, 3))
        self.assertEqual(period.label, "Last 7 days (27 Dec 2026 – 2 Jan 2027)")
        before = periods.days_before(periods.last_days(30, TODAY), 90)
        self.assertEqual(before.label, "the 90 days before (4 Aug – 1 Nov 2026)")

    def test_a_chosen_range_is_named_by_its_dates_unless_it_is_the_last_days(self):
        recent = periods.last_days(30, TODAY)
        self.assertEqual(periods.between(recent.start, recent.end, TODAY), recent)
        chosen = periods.between(datetime.date(2026, 1, 5), TODAY, TODAY)
        self.assertEqual(chosen.label, "5 Jan – 2 Dec 2026")
        self.assertEqual(periods.between(None, None), periods.ALL_TIME)
        self.assertEqual(periods.ALL_TIME.label, "All time")
        since = periods.between(datetime.date(2026, 1, 5), None)
        self.assertEqual(
            (since.label, since.slug), ("Since 5 Jan 2026", "from-2026-01-05")
        )
        up_to = periods.between(None, TODAY)
        self.assertEqual(
            (up_to.label, up_to.slug), ("Up to 2 Dec 2026", "to-2026-12-02")
        )
        self.assertEqual(chosen.slug, "2026-01-05-to-2026-12-02")
        self.assertEqual(periods.ALL_TIME.slug, "all-time")

    def test_today_so_far(self):
        self.assertEqual(periods.today_so_far(TODAY).label, "Today so far (2 Dec 2026)")


class SameLabelSameNumberTests(WagtailTestUtils, TestCase):
    """A page clearly below the site shows 100 answers in the last 30 days on
    the dashboard panel, the report, its own report, Needs attention and the
    digest, under the same label; today's answers change none of them."""

    @classmethod
    def setUpTestData(cls):
        poll = default_poll()
        yes, no = choice(poll, "Yes"), choice(poll, "No")
        today = timezone.localdate()
        cls.low = make_page("Low page")
        vote(cls.low, yes, 30, on=today - 2 * DAY, reader="low-yes")
        vote(cls.low, no, 70, on=today - 29 * DAY, reader="low-no")
        vote(cls.low, no, 5, on=today - 31 * DAY, reader="low-old")
        cls.good = make_page("Good page")
        vote(cls.good, yes, 90, on=today - DAY, reader="good-yes")
        vote(cls.good, no, 10, on=today - DAY, reader="good-no")
        # Today: in no "last 30 days" figure until tomorrow.
        vote(cls.low, no, 7, reader="low-today")
        cls.editor = make_editor("editor")
        cls.period = periods.last_days(30)

    def setUp(self):
        self.login(self.editor)

    def test_needs_attention(self):
        (entry,) = [
            e for e in attention.needs_attention(30) if e.page_id == self.low.pk
        ]
        (trigger,) = entry.triggers
        self.assertEqual(trigger.answers, 100)
        self.assertIn("in the last 30 days (100 answers)", trigger.figure)
        response = self.client.get(reverse("polls_admin:attention"))
        self.assertContains(response, f"Figures: {self.period.label}, complete days.")

    def test_the_dashboard_panel(self):
        request = RequestFactory().get("/admin/")
        request.user = self.editor
        html = HelpfulnessDashboardPanel().render_html({"request": request})
        self.assertIn(f"Reader feedback: {self.period.label}", html)
        soup = BeautifulSoup(html, "html.parser")
        (row,) = [
            li
            for li in soup.select(".polls-dashboard__rows li")
            if li.a.get_text() == "Low page"
        ]
        self.assertIn("30% helpful, 100 answers", row.get_text())

    def test_the_report_for_the_same_days(self):
        query = {"date_from": self.period.start, "date_to": self.period.end}
        response = self.client.get(reverse("polls_admin:helpfulness"), query)
        self.assertContains(response, f"Figures for: <strong>{self.period.label}")
        response = self.client.get(
            reverse("polls_admin:helpfulness"), {**query, "export": "csv"}
        )
        rows = csv.DictReader(
            io.StringIO(b"".join(response.streaming_content).decode())
        )
        by_title = {row["Article"]: row for row in rows}
        self.assertEqual(by_title["Low page"]["Answers"], "100")
        self.assertIn(
            f"article-helpfulness-{self.period.start:%Y-%m-%d}-to-"
            f"{self.period.end:%Y-%m-%d}-",
            response["Content-Disposition"],
        )

    def test_all_time_says_so_and_counts_today(self):
        response = self.client.get(reverse("polls_admin:helpfulness"))
        self.assertContains(response, "Figures for: <strong>All time")
        response = self.client.get(
            reverse("polls_admin:helpfulness"), {"export": "csv"}
        )
        rows = csv.DictReader(
            io.StringIO(b"".join(response.streaming_content).decode())
        )
        by_title = {row["Article"]: row for row in rows}
        self.assertEqual(by_title["Low page"]["Answers"], "112")
        self.assertIn("article-helpfulness-all-time-", response["Content-Disposition"])

    def test_the_pages_own_report(self):
        response = self.client.get(
            reverse("polls_admin:page_helpfulness", args=[self.low.pk])
        )
        soup = BeautifulSoup(response.content, "html.parser")
        self.assertEqual(
            soup.select_one(".polls-summary__period").get_text(), self.period.label
        )
        self.assertEqual(soup.select_one(".polls-summary__responses").get_text(), "100")
        self.assertEqual(
            soup.select_one(".polls-summary__today").get_text(), "0% helpful, 7 answers"
        )

    def test_the_digest(self):
        digest = build_digest()
        text = digest_mail.message(digest, self.editor, {}).body
        self.assertIn(f"NEEDS ATTENTION ({self.period.label})", text)
        self.assertIn("30% helpful in the last 30 days (100 answers)", text)
        week = periods.last_days(7)
        # The site's last 7 days: 30 yes two days ago, 90 + 10 yesterday.
        self.assertIn(f"{week.label}: 130 answers, 92% helpful.", text)
