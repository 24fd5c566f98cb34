from io import StringIO

from django.core.management import CommandError, call_command
from django.db.models import F
from django.test import TestCase

from polls.models import DailyCount, DailyReasonCount, PageTotal, SiteDailyCount
from polls.testing import choice, comment_on, default_poll, make_page, vote


class CheckPollCountersTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page = make_page("Numb legs")
        vote(cls.page, choice(default_poll(), "Yes"), 3)

    def check(self, *args):
        out = StringIO()
        call_command("check_poll_counters", *args, stdout=out)
        return out.getvalue()

    def test_says_so_when_the_counters_equal_a_recount(self):
        self.assertIn("equal a recount", self.check())

    def test_prints_each_difference_and_fails_without_fix(self):
        DailyCount.objects.update(count=F("count") + 1)
        PageTotal.objects.update(total=5)
        out = StringIO()
        with self.assertRaisesMessage(CommandError, "2 counter(s) differ"):
            call_command("check_poll_counters", stdout=out)
        lines = out.getvalue().splitlines()
        self.assertEqual(len(lines), 2)
        self.assertIn(f"daily count page {self.page.pk}", lines[0])
        self.assertIn("stored 4, recount 3", lines[0])
        self.assertIn("stored 5 in all", lines[1])
        self.assertIn("recount 3 in all", lines[1])

    def test_fix_rebuilds_the_counters(self):
        DailyCount.objects.all().delete()
        out = self.check("--fix")
        self.assertIn("stored nothing, recount 3", out)
        self.assertIn("no differences left", out)
        self.assertEqual(DailyCount.objects.get().count, 3)
        self.assertIn("equal a recount", self.check())


class SiteAndReasonCounterChecksTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page = make_page("Numb legs")
        comment_on(cls.page, "Too long.", reasons=["other"])

    def test_a_wrong_site_or_reason_counter_is_reported_and_fixed(self):
        SiteDailyCount.objects.update(count=F("count") + 2)
        DailyReasonCount.objects.update(count=F("count") + 1)
        out = StringIO()
        with self.assertRaisesMessage(CommandError, "2 counter(s) differ"):
            call_command("check_poll_counters", stdout=out)
        lines = out.getvalue().splitlines()
        self.assertIn("site daily count poll", lines[0])
        self.assertIn("stored 3, recount 1", lines[0])
        self.assertIn(f"reason count page {self.page.pk}", lines[1])
        self.assertIn("reason other", lines[1])
        self.assertIn("stored 2, recount 1", lines[1])
        call_command("check_poll_counters", "--fix", stdout=StringIO())
        self.assertEqual(SiteDailyCount.objects.get().count, 1)
        self.assertEqual(DailyReasonCount.objects.get().count, 1)
