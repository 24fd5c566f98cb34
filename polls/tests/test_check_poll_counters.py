from io import StringIO

from django.core.management import CommandError, call_command
from django.db.models import F
from django.test import TestCase

from polls.models import DailyCount, PageTotal
from polls.testing import choice, default_poll, make_page, vote


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
