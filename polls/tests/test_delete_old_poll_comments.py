import datetime
import subprocess
import sys
from io import StringIO

from django.conf import settings
from django.core.management import CommandError, call_command
from django.test import SimpleTestCase, TestCase
from django.utils import timezone

from polls.models import Response
from polls.testing import comment_on, make_page


class DeleteOldPollCommentsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        page = make_page("Numb legs")
        cls.old = comment_on(page, "Written long ago", reader="old")
        cls.new = comment_on(page, "Written this week", reader="new")
        Response.objects.filter(pk=cls.old.pk).update(
            updated_at=timezone.now() - datetime.timedelta(days=400)
        )

    def run_command(self, *args):
        out = StringIO()
        call_command("delete_old_poll_comments", *args, stdout=out)
        return out.getvalue()

    def test_blanks_comments_older_than_the_given_days(self):
        output = self.run_command("--days", "365")
        self.assertIn("Deleted 1 comment last changed more than 365 days ago.", output)
        self.old.refresh_from_db()
        self.new.refresh_from_db()
        self.assertEqual(
            (self.old.comment, self.new.comment), ("", "Written this week")
        )
        self.assertEqual(self.old.reasons, ["other"], "the answer and reasons stay")

    def test_running_again_deletes_nothing_more(self):
        self.run_command("--days", "365")
        self.assertIn("Deleted 0 comments", self.run_command("--days", "365"))

    def test_bad_days_are_a_command_error(self):
        for days in ["0", "-5", "36501"]:
            with self.subTest(days), self.assertRaises(CommandError):
                self.run_command("--days", days)
        with self.assertRaises(CommandError):
            self.run_command("--days", "a year")
        with self.assertRaises(CommandError):
            self.run_command()
        self.assertEqual(Response.objects.exclude(comment="").count(), 2)


class CommandLineTests(SimpleTestCase):
    def test_bad_input_prints_an_error_not_a_traceback(self):
        result = subprocess.run(
            [sys.executable, "manage.py", "delete_old_poll_comments", "--days", "-1"],
            cwd=settings.BASE_DIR,
            capture_output=True,
            text=True,
            env={
                "DJANGO_SETTINGS_MODULE": "config.settings.test",
                "DATABASE_URL": "sqlite://:memory:",
                "PATH": "",
            },
        )
        self.assertEqual(result.returncode, 1)
        self.assertIn("--days must be between 1 and 36500", result.stderr)
        self.assertNotIn("Traceback", result.stderr)
