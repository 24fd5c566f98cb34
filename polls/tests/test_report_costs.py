"""The comparison, needs attention and the digest read counters, not responses.

Each is run on a little data and again on much more (more days, more pages,
more answers a day): it must read no response (only the comments waiting
for triage, through their small index) and run as many queries both times.
"""

import datetime

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry
from wagtail.test.utils import WagtailTestUtils

from polls.admin import digest_mail
from polls.admin.triage import set_triage_status
from polls.insight import digest, edit_effects
from polls.models import Reason, Response, TriageStatus
from polls.testing import (
    DAY,
    backdate,
    comment_on,
    make_editor,
    make_page,
    plant,
    publish_edit,
)

TRIAGE_INDEX_QUERY = "triage_status"


def responses_read(queries):
    return [q["sql"] for q in queries if '"polls_response"' in q["sql"]]


@override_settings(POLLS_ATTENTION_CACHE_SECONDS=0)
class ReportCostTests(WagtailTestUtils, TestCase):
    def setUp(self):
        self.today = timezone.localdate()
        self.edit_day = self.today - 45 * DAY
        self.page = make_page("Numb legs")
        PageLogEntry.objects.filter(page=self.page).update(
            timestamp=timezone.now() - datetime.timedelta(days=400)
        )
        self.revision = publish_edit(self.page, self.edit_day)
        self.others = [make_page(f"Other {n}") for n in range(3)]
        # A comment waiting for triage, so every report lists something.
        comment_on(self.others[0], "The dosage table is wrong.")
        plant(self.page, self.edit_day - 3 * DAY, 8, 2)
        plant(self.page, self.edit_day + 3 * DAY, 5, 5)
        self.editor = make_editor("editor")
        self.login(self.editor)

    def grow(self):
        """Many more answers: every day of 130, on every page, 40 a day."""
        for page in [self.page, *self.others]:
            for ago in range(1, 131):
                plant(page, self.today - ago * DAY, 30, 10)

    def run_reports(self):
        """{name: captured queries} of each report, run once."""
        export = reverse("polls_admin:edit_effects_export", args=[self.page.pk])
        calls = {
            "comparison": lambda: self.client.get(export + "?export=csv"),
            "attention": lambda: self.client.get(reverse("polls_admin:attention")),
            "digest": lambda: digest_mail.message(
                digest.build_digest(), self.editor, {}
            ),
            "reasons": lambda: [
                edit_effects.reason_mix(self.page, comparison)
                for comparison in edit_effects.compare_edits(self.page)
            ],
        }
        found = {}
        for name, call in calls.items():
            with CaptureQueriesContext(connection) as queries:
                result = call()
            if hasattr(result, "status_code"):
                self.assertEqual(result.status_code, 200, name)
            found[name] = list(queries)
        return found

    def test_no_report_reads_responses_but_the_comments_to_triage(self):
        self.grow()
        for name, queries in self.run_reports().items():
            with self.subTest(name):
                read = responses_read(queries)
                if name in ("attention", "digest"):
                    self.assertEqual(len(read), 1, read)
                    self.assertIn(TRIAGE_INDEX_QUERY, read[0])
                else:
                    self.assertEqual(read, [])

    def test_the_site_wide_figures_never_sum_every_page_day(self):
        """The comparison's site-wide sides (also in the digest) read
        ``SiteDailyCount``: every daily counter they read is one page's."""
        self.grow()
        reports = self.run_reports()
        with CaptureQueriesContext(connection) as queries:
            digest.recent_comparisons(30, self.today)
        reports["digest's edits"] = list(queries)
        for name in ("comparison", "digest's edits", "reasons"):
            with self.subTest(name):
                for query in reports[name]:
                    if '"polls_dailycount"' in query["sql"]:
                        self.assertIn('"polls_dailycount"."page_id" =', query["sql"])
                sites = [q for q in reports[name] if "polls_sitedailycount" in q["sql"]]
                self.assertTrue(sites or name == "reasons")

    def test_as_many_queries_with_many_answers_as_with_few(self):
        few = {name: len(q) for name, q in self.run_reports().items()}
        self.grow()
        many = {name: len(q) for name, q in self.run_reports().items()}
        self.assertEqual(many, few)


class ReasonsBeforeAndAfterTests(TestCase):
    """Reasons before and after an edit come from the reason counters, and
    equal what the responses hold."""

    def setUp(self):
        self.today = timezone.localdate()
        self.edit_day = self.today - 20 * DAY
        self.page = make_page("Numb legs")
        PageLogEntry.objects.filter(page=self.page).update(
            timestamp=timezone.now() - datetime.timedelta(days=400)
        )
        publish_edit(self.page, self.edit_day)

    def answer(self, reader, reasons, day):
        backdate(comment_on(self.page, "", reader=reader, reasons=reasons), day)

    def test_the_mix_before_and_after_reads_no_response(self):
        before, after = self.edit_day - 2 * DAY, self.edit_day + 2 * DAY
        for n in range(6):
            self.answer(f"b{n}", [Reason.HARD_TO_UNDERSTAND, Reason.OTHER], before)
        for n in range(4):
            self.answer(f"a{n}", [Reason.OTHER], after)
        set_triage_status(Response.objects.get(reader_key="a0"), TriageStatus.SPAM)
        (comparison,) = edit_effects.compare_edits(self.page, today=self.today)
        with CaptureQueriesContext(connection) as queries:
            mix = edit_effects.reason_mix(self.page, comparison)
        self.assertEqual(responses_read(queries), [])
        counts = {row["code"]: (row["before"], row["after"]) for row in mix["rows"]}
        self.assertEqual(counts[Reason.HARD_TO_UNDERSTAND], (6, 0))
        self.assertEqual(counts[Reason.OTHER], (6, 3))  # spam never counts
        self.assertEqual(counts[Reason.INACCURATE], (0, 0))
