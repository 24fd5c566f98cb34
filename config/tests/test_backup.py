"""The portable backup in docs/operations.md restores the same site and numbers."""

import csv
import datetime
import io
from pathlib import Path
from tempfile import TemporaryDirectory

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.test import TestCase
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Page, Revision

from articles.models import ArticlePage
from polls.admin.triage import set_triage_status
from polls.models import DailyCount, Response
from polls.testing import choice, default_poll, vote
from polls.voting.services import record_follow_up
from testing.demo import load_demo
from testing.pages import make_article

# The same list as docs/operations.md, "Backups and restore": derived or
# transient tables.
EXCLUDES = [
    "contenttypes",
    "auth.permission",
    "sessions",
    "wagtailsearch",
    "wagtailcore.referenceindex",
    "axes",
]


def backup(path):
    call_command("dumpdata", natural_foreign=True, exclude=EXCLUDES, output=str(path))


def set_constraints(mode):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"SET CONSTRAINTS ALL {mode}")


class BackupAndRestoreTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()
        index = ArticlePage.objects.get().get_parent()
        second = make_article(index, title="Cramp after running")
        poll = default_poll()
        yes, no = choice(poll, "Yes"), choice(poll, "No")
        last_month = timezone.localdate() - datetime.timedelta(days=30)
        for page in [ArticlePage.objects.first(), second]:
            vote(page, yes, 7, reader=f"y{page.pk}")
            vote(page, no, 3, reader=f"n{page.pk}", on=last_month)
        record_follow_up(
            page=second,
            poll=poll,
            reader_key=f"n{second.pk}-0",
            reasons=["other"],
            comment="=SUM(A1) <b>bold</b>",
        )
        set_triage_status(Response.objects.filter(choice=no).first(), "spam")
        get_user_model().objects.create_superuser(
            "admin", "a@example.com", "pw", first_name="Ada", last_name="Admin"
        )

    def site_state(self):
        """What a restore must bring back: content, answers and report numbers."""
        self.client.force_login(get_user_model().objects.get(username="admin"))
        report = self.client.get(reverse("polls_admin:helpfulness"), {"export": "csv"})
        self.assertEqual(report.status_code, 200)
        csv_text = b"".join(report.streaming_content).decode()
        return {
            "report": list(csv.reader(io.StringIO(csv_text))),
            "by page": list(DailyCount.objects.helpfulness_by_page().order_by("page")),
            "pages": list(
                Page.objects.order_by("path").values_list("title", "url_path", "live")
            ),
            "revisions": Revision.objects.count(),
            "answers": sorted(
                Response.objects.values_list(
                    "reader_key", "choice", "reasons", "comment", "triage_status"
                )
            ),
        }

    def test_a_dump_restored_into_an_emptied_database_gives_the_same_numbers(self):
        """The documented restore: flush (the rows migrations create are in the
        dump), then loaddata."""
        # flush recreates the content types with new ids; once the test's
        # transaction rolls back, the cached ids would be wrong for later tests.
        self.addCleanup(ContentType.objects.clear_cache)
        self.addCleanup(cache.clear)
        before = self.site_state()
        self.assertEqual(len(before["report"]), 3)  # headings and two pages
        with TemporaryDirectory() as folder:
            path = Path(folder) / "backup.json.gz"
            backup(path)
            # PostgreSQL will not TRUNCATE tables with foreign-key checks
            # pending in this test's transaction: fire them first, then defer
            # them again as loaddata expects (a real restore has no such
            # surrounding transaction).
            set_constraints("IMMEDIATE")
            call_command("flush", interactive=False, verbosity=0)
            set_constraints("DEFERRED")
            self.assertFalse(Response.objects.exists())
            self.assertFalse(Page.objects.exists())
            call_command("loaddata", str(path), verbosity=0)
        self.assertEqual(self.site_state(), before)
        self.assertEqual(
            self.client.get(ArticlePage.objects.first().url).status_code, 200
        )
