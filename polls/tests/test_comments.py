import csv
import datetime
import io
from http import HTTPStatus

from bs4 import BeautifulSoup
from django.db.models import Sum
from django.test import TestCase, override_settings
from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import ModelLogEntry
from wagtail.test.utils import WagtailTestUtils

from polls.models import DailyCount, Response, TriageStatus
from polls.testing import (
    backdate,
    choice,
    comment_on,
    default_poll,
    make_editor,
    make_page,
    make_poll,
    vote,
)

INDEX = reverse("polls_comments:index")


def counted(page):
    return DailyCount.objects.filter(page=page).aggregate(n=Sum("count"))["n"] or 0


class CommentsTestCase(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.poll = default_poll()
        cls.page = make_page("Numb legs")
        cls.other_page = make_page("Cramp")
        vote(cls.page, choice(cls.poll, "Yes"), 3)  # answers without comments
        cls.script = comment_on(cls.page, "<script>alert(1)</script>", reader="a")
        cls.flagged = comment_on(cls.page, "Call me on 020 7946 0958", reader="b")
        cls.old = comment_on(cls.other_page, "Old news", reader="c")
        backdate(cls.old, timezone.localdate() - datetime.timedelta(days=100))
        cls.other_poll = make_poll("Did this answer your question?")
        cls.other = comment_on(
            cls.other_page, "Too short", reader="d", poll=cls.other_poll
        )

    def setUp(self):
        self.login(make_editor("editor"))

    def listed(self, **params):
        response = self.client.get(INDEX, params)
        self.assertEqual(response.status_code, HTTPStatus.OK)
        soup = BeautifulSoup(response.content, "html.parser")
        return [
            td.get_text(strip=True)
            for td in soup.select("tbody td.polls-comment-excerpt .title-wrapper")
        ]


class ListingTests(CommentsTestCase):
    def test_lists_only_responses_with_comments_newest_first(self):
        self.assertEqual(
            self.listed(),
            [
                "Too short",
                "Call me on 020 7946 0958",
                "<script>alert(1)</script>",
                "Old news",
            ],
        )

    def test_reader_text_is_escaped(self):
        response = self.client.get(INDEX)
        self.assertNotContains(response, "<script>alert(1)</script>")
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")

    def test_filters(self):
        today = timezone.localdate()
        cases = {
            "flagged": ({"comment_flagged": "true"}, ["Call me on 020 7946 0958"]),
            "poll": ({"poll": self.other_poll.pk}, ["Too short"]),
            "page": ({"page": self.other_page.pk}, ["Too short", "Old news"]),
            "date": (
                {"created_at_to": (today - datetime.timedelta(days=30)).isoformat()},
                ["Old news"],
            ),
            "search": ({"q": "call me"}, ["Call me on 020 7946 0958"]),
        }
        for name, (params, expected) in cases.items():
            with self.subTest(name):
                self.assertEqual(self.listed(**params), expected)

    def test_filter_by_status(self):
        self.client.post(
            reverse("polls_comments:triage", args=[self.old.pk]),
            {"status": TriageStatus.REVIEWED},
        )
        self.assertEqual(self.listed(triage_status="reviewed"), ["Old news"])
        self.assertNotIn("Old news", self.listed(triage_status="new"))

    def test_no_add_copy_or_delete_views(self):
        for name in ["add", "delete", "copy", "usage", "history"]:
            with self.subTest(name), self.assertRaises(NoReverseMatch):
                reverse(f"polls_comments:{name}", args=[self.old.pk])
        self.assertNotContains(self.client.get(INDEX), "/new/")

    def test_export_neutralises_formulas_in_reader_text(self):
        comment_on(self.page, "=1+2", reader="e")
        comment_on(self.page, "@SUM(A1:A9)", reader="f")
        comment_on(self.page, "-2+3", reader="g")
        response = self.client.get(INDEX, {"export": "csv"})
        rows = list(
            csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode()))
        )
        comments = [row["Comment"] for row in rows]
        self.assertIn("'=1+2", comments)
        self.assertIn("'@SUM(A1:A9)", comments)
        self.assertIn("'-2+3", comments)
        self.assertIn("<script>alert(1)</script>", comments)
        self.assertEqual(
            list(rows[0]),
            [
                "Answered",
                "Page",
                "Page URL",
                "Poll",
                "Answer",
                "Reasons",
                "Comment",
                "May contain personal details",
                "Status",
            ],
        )

    def test_export_gives_local_times_and_words_like_the_other_exports(self):
        self.client.post(
            reverse("polls_comments:triage", args=[self.old.pk]),
            {"status": TriageStatus.REVIEWED},
        )
        response = self.client.get(INDEX, {"export": "csv"})
        self.assertIn(
            f'filename="reader-comments-{timezone.localdate():%Y-%m-%d}.csv"',
            response["Content-Disposition"],
        )
        rows = {
            row["Comment"]: row
            for row in csv.DictReader(
                io.StringIO(b"".join(response.streaming_content).decode())
            )
        }
        old = rows["Old news"]
        self.old.refresh_from_db()
        self.assertEqual(
            old["Answered"],
            timezone.localtime(self.old.created_at).strftime("%Y-%m-%d %H:%M"),
        )
        self.assertEqual(old["Status"], "Reviewed")
        self.assertEqual(rows["Too short"]["Status"], "New")
        self.assertEqual(old["May contain personal details"], "No")
        self.assertEqual(
            rows["Call me on 020 7946 0958"]["May contain personal details"], "Yes"
        )

    @override_settings(TIME_ZONE="America/New_York")
    def test_export_times_are_in_the_sites_time_zone(self):
        response = self.client.get(INDEX, {"export": "xlsx"})
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        answered = {
            row[6]: row[0] for row in sheet.iter_rows(min_row=2, values_only=True)
        }
        self.old.refresh_from_db()
        self.assertEqual(
            answered["Old news"],
            timezone.localtime(self.old.created_at).replace(
                second=0, microsecond=0, tzinfo=None
            ),
        )

    def test_the_link_from_needs_attention_lists_that_pages_new_comments(self):
        self.client.post(
            reverse("polls_comments:triage", args=[self.script.pk]),
            {"status": TriageStatus.REVIEWED},
        )
        self.assertEqual(
            self.listed(page=self.page.pk, triage_status=TriageStatus.NEW),
            ["Call me on 020 7946 0958"],
        )


class TriageTests(CommentsTestCase):
    def test_edit_form_changes_only_the_status_and_keeps_counts_right(self):
        edit_url = reverse("polls_comments:edit", args=[self.script.pk])
        page = self.client.get(edit_url)
        self.assertContains(page, "&lt;script&gt;alert(1)&lt;/script&gt;")
        self.assertNotContains(page, "<script>alert(1)</script>")
        before = counted(self.page)

        response = self.client.post(
            edit_url, {"triage_status": "spam", "comment": "changed"}
        )
        self.assertRedirects(response, INDEX)
        self.script.refresh_from_db()
        self.assertEqual(self.script.triage_status, TriageStatus.SPAM)
        self.assertEqual(self.script.comment, "<script>alert(1)</script>")
        self.assertEqual(counted(self.page), before - 1)
        self.assertTrue(
            ModelLogEntry.objects.filter(
                object_id=str(self.script.pk), action="wagtail.edit"
            ).exists()
        )

        self.client.post(edit_url, {"triage_status": "reviewed"})
        self.assertEqual(counted(self.page), before)

    def test_edit_form_rejects_unknown_statuses(self):
        edit_url = reverse("polls_comments:edit", args=[self.script.pk])
        response = self.client.post(edit_url, {"triage_status": "deleted"})
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertContains(response, "Select a valid choice")
        self.assertEqual(
            Response.objects.get(pk=self.script.pk).triage_status, TriageStatus.NEW
        )

    def test_quick_buttons_mark_and_return_to_the_filtered_list(self):
        listing = self.client.get(INDEX, {"poll": self.poll.pk})
        soup = BeautifulSoup(listing.content, "html.parser")
        form = next(
            form
            for form in soup.select("td.polls-triage form")
            if form["action"]
            == reverse("polls_comments:triage", args=[self.flagged.pk])
            and form.select_one("input[name=status]")["value"] == "spam"
        )
        data = {field["name"]: field["value"] for field in form.select("input")}
        self.assertEqual(data["next"], f"{INDEX}?poll={self.poll.pk}")
        before = counted(self.page)

        response = self.client.post(form["action"], data)
        self.assertRedirects(response, data["next"])
        self.assertEqual(
            Response.objects.get(pk=self.flagged.pk).triage_status, TriageStatus.SPAM
        )
        self.assertEqual(counted(self.page), before - 1)

    def test_quick_triage_refuses_bad_input(self):
        url = reverse("polls_comments:triage", args=[self.flagged.pk])
        self.assertEqual(
            self.client.post(url, {"status": "deleted"}).status_code,
            HTTPStatus.BAD_REQUEST,
        )
        self.assertEqual(
            self.client.get(url).status_code, HTTPStatus.METHOD_NOT_ALLOWED
        )
        self.assertEqual(
            self.client.post(
                reverse("polls_comments:triage", args=[999999]), {"status": "spam"}
            ).status_code,
            HTTPStatus.NOT_FOUND,
        )
        unsafe = self.client.post(
            url, {"status": "reviewed", "next": "https://evil.example/"}
        )
        self.assertRedirects(unsafe, INDEX)
