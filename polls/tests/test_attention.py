"""Needs attention: planted drops trigger; small samples and triaged comments don't."""

import random
from http import HTTPStatus

from bs4 import BeautifulSoup
from django.core.cache import cache
from django.db import connection
from django.test import SimpleTestCase, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.test.utils import WagtailTestUtils

from polls.admin.triage import set_triage_status
from polls.insight import attention, inference
from polls.models import TriageStatus
from polls.testing import (
    DAY,
    choice,
    comment_on,
    default_poll,
    make_editor,
    make_page,
    make_user,
    plant,
    vote,
)


def plant_days(page, first, last, positive, negative):
    """Every day from ``first`` days ago to ``last`` days ago, the same answers."""
    today = timezone.localdate()
    for ago in range(last, first + 1):
        plant(page, today - ago * DAY, positive, negative)


class CusumTuningTests(SimpleTestCase):
    """The rule as the report applies it, on simulated pages that never change."""

    def test_about_one_false_alarm_per_article_year_or_fewer(self):
        rng = random.Random(16)
        years, alarms = 40, 0
        for _ in range(years):
            rate, per_day = rng.uniform(0.5, 0.9), rng.randint(3, 40)
            days = []
            for _ in range(120 + 365):
                n = rng.randint(per_day // 2, per_day + per_day // 2)
                days.append((sum(rng.random() < rate for _ in range(n)), n))
            listed = False
            for today in range(120, 120 + 365):
                baseline, recent = (
                    days[today - 120 : today - 30],
                    days[today - 30 : today],
                )
                base_n = sum(n for _, n in baseline)
                base_rate = sum(k for k, _ in baseline) / base_n
                score = inference.cusum(recent, base_rate)
                now = score > inference.threshold(base_n * 365 / 90)
                alarms += now and not listed
                listed = now
        print(f"\nCUSUM: {alarms} false alarms in {years} article-years")
        self.assertLessEqual(alarms / years, 1.0)

    def test_a_real_drop_is_caught(self):
        days = [(14, 20)] * 30  # 70% → the baseline was 80%
        self.assertGreater(inference.cusum(days, 0.8), inference.threshold(20 * 365))


class NeedsAttentionTests(WagtailTestUtils, TestCase):
    def setUp(self):
        self.page = make_page("Numb legs")
        self.steady = make_page("Steady page")
        # 90 days at 80% helpful, 10 answers a day, on both pages.
        plant_days(self.page, 120, 31, 8, 2)
        plant_days(self.steady, 120, 31, 8, 2)
        plant_days(self.steady, 30, 1, 8, 2)

    def entries(self, minimum=30):
        return {e.page_id: e for e in attention.needs_attention(minimum)}

    def test_a_planted_drop_triggers(self):
        plant_days(self.page, 30, 1, 5, 5)  # 50% for the last 30 days
        entries = self.entries()
        self.assertIn(attention.WORSE, entries[self.page.pk].kinds)
        trigger = entries[self.page.pk].triggers[0]
        self.assertEqual(
            trigger.figure,
            "Fell from 80% helpful in the 90 days before to 50% in the last 30 "
            "days (300 answers): more than chance explains.",
        )
        self.assertNotIn("CUSUM", trigger.figure)
        self.assertEqual(trigger.answers, 300)
        self.assertNotIn(self.steady.pk, entries)

    def test_a_small_sample_never_triggers(self):
        tiny = make_page("Tiny page")
        plant_days(tiny, 120, 112, 2, 0)  # 18 answers, all helpful
        plant_days(tiny, 10, 1, 0, 2)  # 20 answers, none helpful
        self.assertNotIn(tiny.pk, self.entries())

    def test_clearly_below_the_site(self):
        low = make_page("Low page")
        plant(low, timezone.localdate() - 2 * DAY, 30, 70)
        entries = self.entries()
        self.assertEqual(entries[low.pk].kinds, {attention.BELOW_SITE})
        self.assertIn(
            "30% helpful in the last 30 days (100 answers), against",
            entries[low.pk].triggers[0].figure,
        )

    def test_below_the_site_counts_complete_days_only(self):
        low = make_page("Low page")
        today = timezone.localdate()
        plant(low, today, 30, 70)
        self.assertNotIn(low.pk, attention.below_site(30, today))
        tomorrow = attention.below_site(30, today + DAY)
        self.assertIn(
            "30% helpful in the last 30 days (100 answers)", tomorrow[low.pk].figure
        )

    def test_a_triaged_comment_leaves_the_list(self):
        response = comment_on(self.steady, "The dosage table is wrong.")
        entries = self.entries()
        self.assertEqual(entries[self.steady.pk].kinds, {attention.COMMENTS})
        (listed,) = attention.listed([entries[self.steady.pk]])
        self.assertEqual(
            listed.triggers[0].url,
            f"{reverse('polls_comments:index')}?page={self.steady.pk}&triage_status=new",
        )
        set_triage_status(response, TriageStatus.REVIEWED)
        self.assertNotIn(self.steady.pk, self.entries())

    def test_the_report_and_the_dashboard_show_the_entries(self):
        plant_days(self.page, 30, 1, 5, 5)
        self.login(make_editor("editor"))
        response = self.client.get(reverse("polls_admin:attention"))
        self.assertEqual(response.status_code, HTTPStatus.OK)
        soup = BeautifulSoup(response.content, "html.parser")
        # The admin header shows the last breadcrumb as the page's title.
        crumbs = soup.find("nav", attrs={"aria-label": "Breadcrumb"}).select("ol > li")
        self.assertEqual(crumbs[-1].get_text(strip=True), "Needs attention")
        entry = soup.select_one(f"li[data-page='{self.page.pk}']")
        self.assertEqual(
            entry.a["href"],
            reverse("polls_admin:page_helpfulness", args=[self.page.pk]),
        )
        self.assertEqual(entry.a.get_text(strip=True), self.page.title)
        self.assertIsNotNone(entry.select_one("[data-kind=worse]"))
        method = soup.select_one("details#how-is-this-decided")
        self.assertEqual(method.summary.get_text(strip=True), "How is this decided?")
        self.assertIn("fewer than 30 answers", method.get_text())
        dashboard = self.client.get(reverse("wagtailadmin_home"))
        soup = BeautifulSoup(dashboard.content, "html.parser")
        self.assertIsNotNone(
            soup.select_one(
                f".polls-dashboard__attention li[data-page='{self.page.pk}']"
            )
        )
        menu = self.client.get(reverse("polls_admin:helpfulness"))
        self.assertContains(menu, '"name": "needs-attention"')

    def test_refused_without_the_permission(self):
        self.login(make_user("nobody", permissions=["wagtailadmin.access_admin"]))
        response = self.client.get(reverse("polls_admin:attention"))
        self.assertEqual(response.status_code, HTTPStatus.FORBIDDEN)


@override_settings(POLLS_ATTENTION_CACHE_SECONDS=3600)
class CachedCusumTests(TestCase):
    """The CUSUM is kept until an answer of a day it reads changes."""

    def setUp(self):
        cache.clear()
        self.page = make_page("Numb legs")
        plant_days(self.page, 120, 1, 8, 2)
        self.today = timezone.localdate()

    def worse(self):
        """(pages listed as worse, daily counter queries run to say so)."""
        with CaptureQueriesContext(connection) as queries:
            found = attention.worse_than_before(30, self.today)
        daily = [q for q in queries if '"polls_dailycount"' in q["sql"]]
        return set(found), len(daily)

    def test_a_vote_today_does_not_recompute_it(self):
        self.assertEqual(self.worse(), (set(), 2))
        vote(self.page, choice(default_poll(), "No"), 5)
        self.assertEqual(self.worse(), (set(), 0))

    def test_an_old_answer_changing_recomputes_it_at_once(self):
        self.assertEqual(self.worse(), (set(), 2))
        plant_days(self.page, 30, 1, 0, 8)  # the last 30 days turn unhelpful
        self.assertEqual(self.worse(), ({self.page.pk}, 2))

    def test_a_spam_mark_on_an_old_answer_recomputes_it(self):
        old = vote(self.page, choice(default_poll(), "No"), on=self.today - 3 * DAY)
        self.assertEqual(self.worse(), (set(), 2))
        set_triage_status(old[0], TriageStatus.SPAM)
        self.assertEqual(self.worse()[1], 2)
        self.assertEqual(self.worse()[1], 0)


class NeedsAttentionPagesTests(WagtailTestUtils, TestCase):
    def test_fifty_entries_a_page(self):
        for n in range(53):
            comment_on(make_page(f"Page {n:02d}"), "Wrong dose.", reader=f"r{n}")
        self.login(make_editor("editor"))
        url = reverse("polls_admin:attention")
        first = BeautifulSoup(self.client.get(url).content, "html.parser")
        second = BeautifulSoup(self.client.get(url + "?p=2").content, "html.parser")
        self.assertEqual(len(first.select("li.polls-attention__entry")), 50)
        self.assertEqual(len(second.select("li.polls-attention__entry")), 3)
        # Equal entries, oldest page first; each page reads its own titles.
        self.assertEqual(
            [a.get_text() for a in second.select("li.polls-attention__entry > a")],
            ["Page 50", "Page 51", "Page 52"],
        )
        self.assertIn("53 articles", second.select_one("nav.pagination").get_text())
