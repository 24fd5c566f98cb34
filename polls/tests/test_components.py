import datetime
from http import HTTPStatus
from unittest import mock

from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test import RequestFactory, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils import WagtailTestUtils

from polls.admin.components import HelpfulnessDashboardPanel
from polls.testing import choice, default_poll, make_editor, make_page, make_user, vote

YESTERDAY = timezone.localdate() - datetime.timedelta(days=1)


class DashboardPanelTests(WagtailTestUtils, TestCase):
    """Eleven ranked pages with 0 to 10 "Yes" out of 10 yesterday, plus three
    that must not show: too few answers, answers long ago, answers today."""

    @classmethod
    def setUpTestData(cls):
        poll = default_poll()
        yes, no = choice(poll, "Yes"), choice(poll, "No")
        cls.pages = []
        for positive in range(11):
            page = make_page(f"Page {positive} of 10")
            vote(page, yes, positive, reader="yes", on=YESTERDAY)
            vote(page, no, 10 - positive, reader="no", on=YESTERDAY)
            cls.pages.append(page)
        vote(make_page("Too few answers"), no, 9, on=YESTERDAY)
        vote(make_page("Answered today"), yes, 20)
        vote(
            make_page("Answered long ago"),
            no,
            10,
            on=timezone.localdate() - datetime.timedelta(days=40),
        )
        cls.editor = make_editor("editor")

    def render(self, user):
        request = RequestFactory().get("/admin/")
        request.user = user
        return HelpfulnessDashboardPanel().render_html({"request": request})

    def lists(self, html):
        soup = BeautifulSoup(html, "html.parser")
        return [
            [a.get_text(strip=True) for a in section.select("li a")]
            for section in soup.select("section.polls-dashboard__list")
        ]

    def test_least_and_most_helpful_of_the_last_30_days(self):
        least, most = self.lists(self.render(self.editor))
        self.assertEqual(least, [f"Page {n} of 10" for n in [0, 1, 2, 3, 4]])
        self.assertEqual(most, [f"Page {n} of 10" for n in [10, 9, 8, 7, 6]])

    def test_each_entry_gives_its_count_and_links_to_the_page_report(self):
        soup = BeautifulSoup(self.render(self.editor), "html.parser")
        first = soup.select_one("section.polls-dashboard__list li")
        self.assertEqual(
            first.select_one("a")["href"],
            reverse("polls_admin:page_helpfulness", args=[self.pages[0].pk]),
        )
        self.assertIn("0% helpful, 10 answers", first.get_text())

    @override_settings(POLLS_ATTENTION_CACHE_SECONDS=60)
    def test_the_counters_are_read_and_nothing_is_written(self):
        cache.clear()
        self.render(self.editor)  # warm the site, settings and CUSUM caches
        with CaptureQueriesContext(connection) as queries:
            self.render(self.editor)
        # The rankings read the rows "needs attention" tests, once; the CUSUM
        # and "below the site" are kept for the day (polls.insight.cusum_window).
        counter_queries = [q for q in queries if "polls_cusumpage" in q["sql"]]
        self.assertEqual(len(counter_queries), 1)
        self.assertFalse([q for q in queries if "polls_dailycount" in q["sql"]])
        # Only the comments still waiting for triage are read from responses.
        (waiting,) = [q for q in queries if "polls_response" in q["sql"]]
        self.assertIn("triage_status", waiting["sql"])
        writes = [q["sql"] for q in queries if q["sql"].split()[0] != "SELECT"]
        self.assertEqual(writes, [])

    def test_days_later_the_window_has_moved_without_a_write(self):
        later = timezone.now() + datetime.timedelta(days=31)
        with mock.patch("django.utils.timezone.now", return_value=later):
            html = self.render(self.editor)
        self.assertIn("Fewer than two pages have 10 or more answers in these", html)

    def test_the_days_are_the_last_30_complete_days_and_say_so(self):
        html = self.render(self.editor)
        start = YESTERDAY - datetime.timedelta(days=29)
        self.assertIn(
            f"Reader feedback: Last 30 days ({start:%-d %b} – {YESTERDAY:%-d %b %Y})"
            if start.year == YESTERDAY.year
            else f"Reader feedback: Last 30 days ({start:%-d %b %Y} – "
            f"{YESTERDAY:%-d %b %Y})",
            html,
        )
        self.assertNotIn("Answered today", html)
        self.assertIn(
            f"?date_from={start:%Y-%m-%d}&amp;date_to={YESTERDAY:%Y-%m-%d}", html
        )

    def test_a_page_is_never_in_both_lists(self):
        for page in self.pages[4:]:
            page.delete()
        least, most = self.lists(self.render(self.editor))
        self.assertEqual(least, ["Page 0 of 10", "Page 1 of 10"])
        self.assertEqual(most, ["Page 3 of 10", "Page 2 of 10"])

    def test_the_middle_page_of_an_odd_number_is_in_neither_list(self):
        for page in self.pages[3:]:
            page.delete()
        least, most = self.lists(self.render(self.editor))
        self.assertEqual((least, most), (["Page 0 of 10"], ["Page 2 of 10"]))

    def test_says_so_when_there_is_nothing_to_compare(self):
        for page in self.pages[1:]:
            page.delete()
        html = self.render(self.editor)
        self.assertIn("Fewer than two pages have 10 or more answers in these", html)

    def test_hidden_from_users_who_cannot_view_results(self):
        writer = make_user("writer", permissions=["wagtailadmin.access_admin"])
        self.assertEqual(self.render(writer), "")

    def test_on_the_admin_dashboard(self):
        self.login(self.editor)
        response = self.client.get(reverse("wagtailadmin_home"))
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertContains(response, "Reader feedback: Last 30 days (")
        self.assertContains(response, "Page 10 of 10")
