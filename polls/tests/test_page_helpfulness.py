import datetime
from http import HTTPStatus

from bs4 import BeautifulSoup
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils import WagtailTestUtils

from polls.admin.triage import set_triage_status
from polls.models import Reason, TriageStatus
from polls.testing import (
    backdate,
    choice,
    comment_on,
    default_poll,
    make_editor,
    make_page,
    vote,
)


def url_for(page, **params):
    url = reverse("polls_admin:page_helpfulness", args=[page.pk])
    return url + (
        "?" + "&".join(f"{k}={v}" for k, v in params.items()) if params else ""
    )


class PageHelpfulnessTestCase(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.poll = default_poll()
        cls.yes, cls.no = choice(cls.poll, "Yes"), choice(cls.poll, "No")
        cls.page = make_page("Numb legs")

    def setUp(self):
        self.login(make_editor("editor"))

    def soup(self, **params):
        response = self.client.get(url_for(self.page, **params))
        self.assertEqual(response.status_code, HTTPStatus.OK)
        return BeautifulSoup(response.content, "html.parser")


TODAY = timezone.localdate()
YESTERDAY = TODAY - datetime.timedelta(days=1)


class ChartTests(PageHelpfulnessTestCase):
    def test_one_bar_per_complete_day_and_today_on_its_own(self):
        vote(self.page, self.yes, 3, on=YESTERDAY)
        vote(self.page, self.no, 1, on=TODAY - datetime.timedelta(days=3), reader="n")
        vote(self.page, self.yes, 4, reader="today")
        for period in [7, 30, 90, 365]:
            with self.subTest(period=period):
                days = self.soup(period=period).select("g.polls-chart__day")
                self.assertEqual(len(days), period)
                self.assertEqual(days[-1]["data-date"], YESTERDAY.isoformat())

        soup = self.soup(period=7)
        days = {g["data-date"]: g for g in soup.select("g.polls-chart__day")}
        yesterday_bar = days[YESTERDAY.isoformat()]
        self.assertEqual(
            [rect["class"][1] for rect in yesterday_bar.select("rect")],
            ["polls-chart__bar--positive"],
        )
        self.assertIn("3 answers (3 positive, 0 negative)", yesterday_bar.title.string)
        three_days_ago = days[(TODAY - datetime.timedelta(days=3)).isoformat()]
        self.assertEqual(
            len(three_days_ago.select("rect.polls-chart__bar--negative")), 1
        )
        empty_day = days[(TODAY - datetime.timedelta(days=2)).isoformat()]
        self.assertEqual(empty_day.select("rect"), [])
        self.assertEqual(
            soup.select_one(".polls-summary__today").string, "100% helpful, 4 answers"
        )
        self.assertEqual(soup.select_one(".polls-summary__responses").string, "4")

    def test_period_limits_the_totals_and_says_its_days(self):
        vote(self.page, self.yes, 2, on=YESTERDAY)
        vote(
            self.page, self.no, 5, on=TODAY - datetime.timedelta(days=20), reader="old"
        )
        week = self.soup(period=7).select_one(".polls-summary__responses")
        month = self.soup(period=30)
        self.assertEqual(
            (week.string, month.select_one(".polls-summary__responses").string),
            ("2", "7"),
        )
        self.assertEqual(
            month.select_one(".polls-summary__helpful").string,
            "29% helpful, 7 answers",
        )
        self.assertTrue(
            month.select_one(".polls-summary__period").string.startswith(
                "Last 30 days ("
            )
        )

    def test_no_votes_means_no_chart_but_a_page(self):
        soup = self.soup()
        self.assertIsNone(soup.select_one("svg.polls-chart__svg"))
        self.assertIn("No answers in this period.", soup.get_text())

    def test_spam_is_not_drawn_or_counted(self):
        vote(self.page, self.yes, 1, on=YESTERDAY)
        spam = vote(self.page, self.no, 1, reader="spammer", on=YESTERDAY)[0]
        set_triage_status(spam, TriageStatus.SPAM)
        soup = self.soup(period=7)
        self.assertEqual(soup.select_one(".polls-summary__responses").string, "1")
        self.assertEqual(soup.select("rect.polls-chart__bar--negative"), [])


class PeriodTests(PageHelpfulnessTestCase):
    def test_default_period_is_30_days(self):
        soup = self.soup()
        self.assertEqual(len(soup.select("g.polls-chart__day")), 0)  # no votes
        current = soup.select_one(".polls-periods a[aria-current]")
        self.assertEqual(current["href"], "?period=30")

    def test_unknown_periods_fall_back_with_a_message(self):
        vote(self.page, self.yes, 1, on=YESTERDAY)
        for value in ["abc", "14", "-7", "1e9", ""]:
            with self.subTest(value=value):
                response = self.client.get(
                    reverse("polls_admin:page_helpfulness", args=[self.page.pk]),
                    {"period": value},
                )
                self.assertEqual(response.status_code, HTTPStatus.OK)
                soup = BeautifulSoup(response.content, "html.parser")
                self.assertEqual(len(soup.select("g.polls-chart__day")), 30)
                self.assertIn("is not a period this page offers", soup.get_text())

    def test_unknown_page_is_404(self):
        response = self.client.get(
            reverse("polls_admin:page_helpfulness", args=[999999])
        )
        self.assertEqual(response.status_code, HTTPStatus.NOT_FOUND)


class ReasonsAndCommentsTests(PageHelpfulnessTestCase):
    def test_counts_each_reason_in_the_period(self):
        for reader, reasons in [
            ("a", [Reason.INACCURATE, Reason.OTHER]),
            ("b", [Reason.INACCURATE]),
        ]:
            backdate(
                comment_on(self.page, "", reader=reader, reasons=reasons), YESTERDAY
            )
        old = comment_on(self.page, "", reader="c", reasons=[Reason.HARD_TO_UNDERSTAND])
        backdate(old, timezone.localdate() - datetime.timedelta(days=60))
        counts = {
            row["data-reason"]: row("td")[1].string
            for row in self.soup().select("table.polls-reasons tbody tr")
        }
        self.assertEqual(
            counts,
            {
                "inaccurate": "2",
                "hard_to_understand": "0",
                "did_not_answer": "0",
                "other": "1",
            },
        )

    def test_comments_are_escaped_flagged_and_link_to_triage(self):
        script = comment_on(self.page, "<script>alert('x')</script>", reader="a")
        flagged = comment_on(self.page, "Write to jo@example.com", reader="b")
        response = self.client.get(url_for(self.page))
        self.assertNotContains(response, "<script>alert('x')</script>")
        self.assertContains(
            response, "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;"
        )
        soup = BeautifulSoup(response.content, "html.parser")
        comments = soup.select("li.polls-comment")
        self.assertEqual(len(comments), 2)
        texts = {c.select_one("blockquote").get_text(strip=True): c for c in comments}
        self.assertIn(
            "May contain personal details", texts["Write to jo@example.com"].get_text()
        )
        self.assertNotIn(
            "May contain personal details",
            texts["<script>alert('x')</script>"].get_text(),
        )
        self.assertEqual(
            texts["Write to jo@example.com"].select_one("a.button")["href"],
            reverse("polls_comments:edit", args=[flagged.pk]),
        )
        self.assertIn("New", texts["<script>alert('x')</script>"].get_text())
        self.assertTrue(script.pk)

    def test_spam_comments_are_left_out(self):
        spam = comment_on(self.page, "Buy cheap pills", reader="a")
        set_triage_status(spam, TriageStatus.SPAM)
        self.assertNotIn("Buy cheap pills", self.soup().get_text())


class RevisionTests(PageHelpfulnessTestCase):
    def test_breakdown_per_revision_with_the_live_one_marked(self):
        first_revision = self.page.live_revision_id
        vote(self.page, self.yes, 1)
        vote(self.page, self.no, 3, reader="before")
        self.page.save_revision().publish()
        self.page.refresh_from_db()
        vote(self.page, self.yes, 3, reader="after")
        vote(self.page, self.no, 1, reader="after-no")

        rows = self.soup().select("table.polls-revisions tbody tr")
        self.assertEqual(len(rows), 2)
        cells = [[td.get_text(" ", strip=True) for td in row("td")] for row in rows]
        newest, oldest = cells
        self.assertIn("Live", newest[0])
        self.assertEqual(newest[1:], ["4", "3", "1", "75% helpful, 4 answers"])
        self.assertNotIn("Live", oldest[0])
        self.assertEqual(oldest[1:], ["4", "1", "3", "25% helpful, 4 answers"])
        self.assertEqual(
            rows[1].select_one("a")["href"],
            reverse(
                "wagtailadmin_pages:revisions_view",
                args=[self.page.pk, first_revision],
            ),
        )
