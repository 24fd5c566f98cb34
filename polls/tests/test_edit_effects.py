"""Did my edit help? The statistics, the verdicts and the guard against peeking."""

import csv
import datetime
import importlib.abc
import io
import os
import random
import subprocess
import sys
from http import HTTPStatus

from bs4 import BeautifulSoup
from django.test import SimpleTestCase, TestCase
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import PageLogEntry
from wagtail.test.utils import WagtailTestUtils

from polls.admin.triage import set_triage_status
from polls.admin.views.edit_effects import COLUMNS
from polls.insight import edit_effects, inference
from polls.insight.edit_effects import Comparison, Side
from polls.insight.stats import Helpfulness
from polls.models import TriageStatus
from polls.testing import (
    DAY,
    choice,
    default_poll,
    make_editor,
    make_page,
    make_user,
    plant,
    publish_edit,
    render_widget,
    vote,
)


class StatisticsAgainstPublishedExamples(SimpleTestCase):
    def test_wilson_interval_matches_newcombe_1998(self):
        # Newcombe, "Two-sided confidence intervals for the single proportion",
        # Statistics in Medicine 1998, Table I: 81/263 and 15/148.
        for (k, n), expected in [
            ((81, 263), (0.2553, 0.3662)),
            ((15, 148), (0.0624, 0.1605)),
        ]:
            low, high = inference.wilson_interval(k, n)
            self.assertAlmostEqual(low, expected[0], places=4)
            self.assertAlmostEqual(high, expected[1], places=4)

    def test_wilson_interval_is_scipys_whatever_proportion_is_tested(self):
        from scipy.stats import binomtest

        for k, n in [(0, 1), (1, 1), (0, 30), (7, 30), (30, 30), (260, 500), (1, 3)]:
            scipys = binomtest(k, n).proportion_ci(method="wilson")
            self.assertEqual(
                inference.wilson_interval(k, n), (scipys.low, scipys.high), (k, n)
            )

    def test_difference_interval_matches_newcombe_method_10(self):
        # Newcombe, "Interval estimation for the difference between independent
        # proportions", Statistics in Medicine 1998, example (a): 56/70 − 48/80.
        low, high = inference.difference_interval((48, 80), (56, 70))
        self.assertAlmostEqual(low, 0.0524, places=4)
        self.assertAlmostEqual(high, 0.3339, places=4)

    def test_fisher_matches_the_tea_tasting_example(self):
        # Fisher's lady tasting tea: 3 of 4 cups right, two-sided p = 0.4857.
        self.assertAlmostEqual(inference.exact_p_value((3, 4), (1, 4)), 0.4857, 4)

    def test_fisher_matches_scipy_on_fixed_tables(self):
        from scipy.stats import fisher_exact

        for before, after in [((80, 200), (120, 200)), ((5, 30), (12, 31))]:
            table = [
                [before[0], before[1] - before[0]],
                [after[0], after[1] - after[0]],
            ]
            self.assertAlmostEqual(
                inference.exact_p_value(before, after), fisher_exact(table).pvalue
            )

    def test_power_matches_the_textbook_figure(self):
        # 50% → 60%, two-sided 5%, 80% power: 385 a group (Chow, Shao & Wang §4.2).
        self.assertEqual(inference.sample_size_per_side(0.5, 0.10), 385)
        self.assertEqual(inference.sample_size_per_side(0.6, 0.10), 385)

    def test_benjamini_hochberg(self):
        adjusted = inference.adjusted_p_values([0.01, 0.04, 0.03])
        self.assertEqual([round(p, 4) for p in adjusted], [0.03, 0.04, 0.04])


def weekdays(window):
    return sorted((window.start + i * DAY).weekday() for i in range(window.days))


class WindowTests(SimpleTestCase):
    def test_equal_whole_weeks_without_the_edit_day_or_today(self):
        edit = datetime.date(2026, 6, 10)
        before, after = edit_effects.windows_around(
            edit, None, None, edit + datetime.timedelta(days=20)
        )
        self.assertEqual(after.start, edit + DAY)
        self.assertEqual(before.end, edit - DAY)
        self.assertEqual(before.days, after.days)
        self.assertEqual(after.days, 14)  # 19 complete days → two weeks
        self.assertEqual(weekdays(before), weekdays(after))

    def test_at_most_ninety_days_and_bounded_by_the_neighbouring_edits(self):
        edit = datetime.date(2026, 6, 10)
        before, after = edit_effects.windows_around(
            edit, edit - datetime.timedelta(days=300), None, edit + 400 * DAY
        )
        self.assertEqual(after.days, 84)
        before, after = edit_effects.windows_around(
            edit, edit - 16 * DAY, edit + 40 * DAY, edit + 400 * DAY
        )
        self.assertEqual(after.days, 14)

    def test_no_window_before_a_full_week(self):
        edit = datetime.date(2026, 6, 10)
        self.assertIsNone(edit_effects.windows_around(edit, None, None, edit + 7 * DAY))


class RepeatedLooksTests(SimpleTestCase):
    """No true change, looked at daily for 60 days: false verdicts ≤ 5% of runs."""

    runs = 300

    def simulate(self, rng):
        edit = datetime.date(2026, 1, 1)
        days = range(-90, 61)
        answers = {}
        for offset in days:
            n = rng.randint(5, 35)
            answers[edit + offset * DAY] = (
                sum(rng.random() < 0.7 for _ in range(n)),
                n,
            )
        seen = {}
        for look in range(1, 61):
            windows = edit_effects.windows_around(edit, None, None, edit + look * DAY)
            if windows is None or windows in seen:
                continue
            sides = []
            for window in windows:
                picked = [answers[window.start + i * DAY] for i in range(window.days)]
                sides.append(
                    Side(
                        window,
                        Helpfulness(
                            responses=sum(n for _, n in picked),
                            positive=sum(k for k, _ in picked),
                        ),
                    )
                )
            comparison = Comparison(1, None, *sides)
            edit_effects.judge([comparison], minimum=30)
            seen[windows] = comparison.verdict
        return any(v in (edit_effects.MORE, edit_effects.LESS) for v in seen.values())

    def test_false_verdict_rate_at_most_five_percent(self):
        rng = random.Random(11)
        false = sum(self.simulate(rng) for _ in range(self.runs))
        rate = false / self.runs
        print(f"\nrepeated looks: {false} of {self.runs} runs ({rate:.1%}) false")
        self.assertLessEqual(rate, 0.05)


class PlantedDataTests(TestCase):
    def setUp(self):
        self.today = timezone.localdate()
        self.edit_day = self.today - 60 * DAY
        self.page = make_page("Numb legs")
        PageLogEntry.objects.filter(page=self.page).update(
            timestamp=timezone.now() - datetime.timedelta(days=400)
        )
        self.revision = publish_edit(self.page, self.edit_day)

    def comparison(self):
        (comparison,) = edit_effects.compare_edits(self.page, today=self.today)
        return comparison

    def test_forty_to_sixty_percent_is_more_helpful(self):
        plant(self.page, self.edit_day - 3 * DAY, 80, 120)
        plant(self.page, self.edit_day + 3 * DAY, 120, 80)
        comparison = self.comparison()
        self.assertEqual(comparison.verdict, edit_effects.MORE)
        self.assertLess(comparison.p_value, 0.001)
        self.assertIn("More helpful since this edit", comparison.verdict_text)
        self.assertAlmostEqual(comparison.change, 20.0)
        low, high = comparison.change_interval
        self.assertTrue(0 < low < 20 < high)

    def test_sixty_to_forty_percent_is_less_helpful(self):
        plant(self.page, self.edit_day - 3 * DAY, 120, 80)
        plant(self.page, self.edit_day + 3 * DAY, 80, 120)
        self.assertEqual(self.comparison().verdict, edit_effects.LESS)

    def test_twenty_a_side_is_too_few(self):
        plant(self.page, self.edit_day - 3 * DAY, 8, 12)
        plant(self.page, self.edit_day + 3 * DAY, 16, 4)
        comparison = self.comparison()
        self.assertEqual(comparison.verdict, edit_effects.TOO_FEW)
        self.assertIsNone(comparison.p_value)
        self.assertGreater(comparison.needed, 0)
        self.assertIn(f"about {comparison.needed} more needed", comparison.verdict_text)

    def test_equal_rates_are_no_clear_change(self):
        plant(self.page, self.edit_day - 3 * DAY, 100, 100)
        plant(self.page, self.edit_day + 3 * DAY, 100, 100)
        comparison = self.comparison()
        self.assertEqual(comparison.verdict, edit_effects.NO_CHANGE)
        self.assertEqual(comparison.verdict_text, "No clear change")

    def test_site_wide_change_over_the_same_days(self):
        other = make_page("Other page")
        plant(self.page, self.edit_day - 3 * DAY, 80, 120)
        plant(self.page, self.edit_day + 3 * DAY, 120, 80)
        plant(other, self.edit_day - 3 * DAY, 100, 100)
        plant(other, self.edit_day + 3 * DAY, 100, 100)
        plant(other, self.edit_day - 200 * DAY, 0, 500)  # outside both windows
        comparison = self.comparison()
        self.assertAlmostEqual(comparison.site_before.percent, 45.0)
        self.assertAlmostEqual(comparison.site_change, 10.0)

    def test_answers_outside_the_windows_do_not_count(self):
        plant(self.page, self.edit_day, 0, 500)  # the edit day itself
        plant(self.page, self.today, 0, 500)  # today is not over
        plant(self.page, self.edit_day - 3 * DAY, 100, 100)
        plant(self.page, self.edit_day + 3 * DAY, 100, 100)
        comparison = self.comparison()
        self.assertEqual(comparison.before.responses, 200)
        self.assertEqual(comparison.after.responses, 200)

    def test_spam_never_counts(self):
        poll = default_poll()
        yes, no = choice(poll, "Yes"), choice(poll, "No")
        vote(self.page, yes, 20, on=self.edit_day - 2 * DAY, reader="b")
        vote(self.page, no, 20, on=self.edit_day - 2 * DAY, reader="bn")
        vote(self.page, yes, 40, on=self.edit_day + 2 * DAY, reader="a")
        spam = vote(self.page, no, 10, on=self.edit_day + 2 * DAY, reader="s")
        for response in spam:
            set_triage_status(response, TriageStatus.SPAM)
        comparison = self.comparison()
        self.assertEqual(comparison.before.responses, 40)
        self.assertEqual(comparison.after.responses, 40)
        self.assertEqual(comparison.after.positive, 40)


class PageReportTests(WagtailTestUtils, TestCase):
    def setUp(self):
        self.today = timezone.localdate()
        self.edit_day = self.today - 20 * DAY
        self.page = make_page("Numb legs")
        PageLogEntry.objects.filter(page=self.page).update(
            timestamp=timezone.now() - datetime.timedelta(days=400)
        )
        self.revision = publish_edit(self.page, self.edit_day)
        plant(self.page, self.edit_day - 3 * DAY, 80, 120)
        plant(self.page, self.edit_day + 3 * DAY, 120, 80)
        self.login(make_editor("editor"))

    def test_the_page_report_shows_the_verdict_and_marks_the_edit_day(self):
        url = reverse("polls_admin:page_helpfulness", args=[self.page.pk])
        response = self.client.get(url)
        self.assertEqual(response.status_code, HTTPStatus.OK)
        soup = BeautifulSoup(response.content, "html.parser")
        section = soup.select_one(f"section[data-revision='{self.revision}']")
        verdict = section.select_one(".polls-verdict").get_text()
        self.assertIn("More helpful since this edit (p < 0.001)", verdict)
        self.assertEqual(
            section.select_one("tr[data-side=before] .polls-edit__responses").text,
            "200",
        )
        edit_days = soup.select("g.polls-chart__day--edit")
        self.assertEqual(
            [g["data-date"] for g in edit_days], [self.edit_day.isoformat()]
        )

    def test_csv_has_exactly_the_columns(self):
        url = reverse("polls_admin:edit_effects_export", args=[self.page.pk])
        response = self.client.get(url + "?export=csv")
        self.assertEqual(response.status_code, HTTPStatus.OK)
        rows = list(csv.reader(io.StringIO(response.content.decode())))
        self.assertEqual(rows[0], COLUMNS)
        row = dict(zip(COLUMNS, rows[1], strict=True))
        self.assertEqual(row["Edit"], str(self.revision))
        self.assertEqual(row["Before answers"], "200")
        self.assertEqual(row["After % helpful"], "60.0")
        self.assertEqual(row["Change (points)"], "20.0")
        self.assertTrue(row["Verdict"].startswith("More helpful"))

    def test_xlsx_has_the_same_columns(self):
        url = reverse("polls_admin:edit_effects_export", args=[self.page.pk])
        response = self.client.get(url + "?export=xlsx")
        sheet = load_workbook(io.BytesIO(response.content)).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(list(rows[0]), COLUMNS)
        self.assertEqual(rows[1][4], 200)

    def test_unknown_format_is_a_400(self):
        url = reverse("polls_admin:edit_effects_export", args=[self.page.pk])
        self.assertEqual(self.client.get(url + "?export=pdf").status_code, 400)

    def test_without_the_permission_it_is_refused(self):
        self.login(make_user("reader", permissions=["wagtailadmin.access_admin"]))
        url = reverse("polls_admin:edit_effects_export", args=[self.page.pk])
        self.assertEqual(self.client.get(url).status_code, HTTPStatus.FORBIDDEN)


class BlockScipy(importlib.abc.MetaPathFinder):
    """Refuses any import of scipy, and remembers that someone tried."""

    def __init__(self):
        self.attempts = []

    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] == "scipy":
            self.attempts.append(name)
            raise ImportError(f"scipy imported while serving a page: {name}")
        return None


class NoScipyWhenServingPagesTests(TestCase):
    def test_loading_every_url_and_the_widget_does_not_import_scipy(self):
        code = (
            "import sys, django; django.setup();"
            "from django.urls import get_resolver; get_resolver().url_patterns;"
            "import polls.wagtail_hooks, polls.templatetags.polls_tags, "
            "polls.voting.views.votes, polls.admin.views.page_helpfulness, "
            "polls.admin.components;"
            "print(sorted(m for m in sys.modules if m.startswith('scipy'))[:3])"
        )
        result = subprocess.run(
            [sys.executable, "-c", code],
            capture_output=True,
            text=True,
            check=True,
            env={**os.environ, "DJANGO_SETTINGS_MODULE": "config.settings.test"},
        )
        self.assertEqual(result.stdout.strip().splitlines()[-1], "[]")

    def test_rendering_a_page_with_its_poll_does_not_import_scipy(self):
        page = make_page("Numb legs")
        vote(page, choice(default_poll(), "Yes"), 2)
        saved = {name: module for name, module in sys.modules.items()}
        for name in [m for m in sys.modules if m.split(".")[0] == "scipy"]:
            del sys.modules[name]
        blocker = BlockScipy()
        sys.meta_path.insert(0, blocker)
        try:
            html = render_widget(page)
            response = self.client.get(page.url)
        finally:
            sys.meta_path.remove(blocker)
            sys.modules.update(saved)
        self.assertIn("poll", html)
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertEqual(blocker.attempts, [])


class SameDayPublishesTests(TestCase):
    def test_publishes_on_one_day_make_one_edit(self):
        page = make_page("Numb legs")
        PageLogEntry.objects.filter(page=page).update(
            timestamp=timezone.now() - datetime.timedelta(days=400)
        )
        day = timezone.localdate() - 30 * DAY
        publish_edit(page, day)
        last = publish_edit(page, day)
        self.assertEqual(
            [edit[0] for edit in edit_effects.published_edits(page)][1:], [last]
        )
        self.assertEqual(len(edit_effects.compare_edits(page)), 1)
