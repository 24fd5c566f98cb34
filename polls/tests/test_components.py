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
from polls.testing import (
    choice,
    comment_on,
    default_poll,
    make_editor,
    make_page,
    make_user,
    vote,
)

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
    def test_kept_for_the_day_nothing_is_counted_again_and_nothing_written(self):
        cache.clear()
        comment_on(self.pages[0], "The dosage table is wrong.")  # needs attention
        self.render(self.editor)  # warm the site, settings and daily caches
        with CaptureQueriesContext(connection) as queries:
            html = self.render(self.editor)
        self.assertIn("Page 0 of 10", html)
        # The rankings, the CUSUM and "below the site" read complete days
        # only: they are kept for the day (polls.insight.daily_cache).
        self.assertFalse([q for q in queries if "polls_cusumpage" in q["sql"]])
        self.assertFalse([q for q in queries if "polls_dailycount" in q["sql"]])
        # Only the comments still waiting for triage are read from responses.
        (waiting,) = [q for q in queries if "polls_response" in q["sql"]]
        self.assertIn("triage_status", waiting["sql"])
        # The titles of every page shown, both lists and attention, at once.
        titles = [
            q for q in queries if q["sql"].startswith('SELECT "wagtailcore_page"')
        ]
        self.assertEqual(len(titles), 1)
        writes = [q["sql"] for q in queries if q["sql"].split()[0] != "SELECT"]
        self.assertEqual(writes, [])

    def test_uncached_the_rankings_read_the_rows_attention_tests_once(self):
        self.render(self.editor)  # brings the rows up to date
        with CaptureQueriesContext(connection) as queries:
            self.render(self.editor)
        rows = [q["sql"] for q in queries if "polls_cusumpage" in q["sql"]]
        # One read for the CUSUM and "below the site", one for the rankings.
        self.assertEqual(len(rows), 2)
        self.assertEqual(len([sql for sql in rows if "ROW_NUMBER" in sql]), 1)
        self.assertFalse([q for q in queries if "polls_dailycount" in q["sql"]])

    @override_settings(POLLS_ATTENTION_CACHE_SECONDS=60)
    def test_kept_rankings_show_a_renamed_page_by_its_new_title(self):
        cache.clear()
        self.render(self.editor)
        page = self.pages[0]
        page.title = "Numb legs, renamed"
        page.save()
        least, _most = self.lists(self.render(self.editor))
        self.assertEqual(least[0], "Numb legs, renamed")

    @override_settings(POLLS_ATTENTION_CACHE_SECONDS=60)
    def test_kept_rankings_follow_a_changed_old_answer_at_once(self):
        cache.clear()
        self.render(self.editor)
        # 30 more "Yes" yesterday: Page 0 goes from 0 of 10 to 30 of 40.
        vote(self.pages[0], choice(default_poll(), "Yes"), 30, on=YESTERDAY)
        least, most = self.lists(self.render(self.editor))
        self.assertNotIn("Page 0 of 10", least)
        self.assertEqual(least[0], "Page 1 of 10")

    @override_settings(POLLS_ATTENTION_CACHE_SECONDS=60)
    def test_kept_rankings_drop_a_deleted_page_at_once(self):
        cache.clear()
        self.render(self.editor)
        self.pages[0].delete()
        least, _most = self.lists(self.render(self.editor))
        self.assertEqual(least, [f"Page {n} of 10" for n in [1, 2, 3, 4, 5]])

    @override_settings(POLLS_ATTENTION_CACHE_SECONDS=60)
    def test_kept_rankings_ignore_todays_votes_until_tomorrow(self):
        cache.clear()
        before = self.lists(self.render(self.editor))
        vote(self.pages[0], choice(default_poll(), "Yes"), 30)
        self.assertEqual(self.lists(self.render(self.editor)), before)

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
