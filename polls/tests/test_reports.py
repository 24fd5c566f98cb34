import csv
import datetime
import io
from http import HTTPStatus

from bs4 import BeautifulSoup
from django.db import connection
from django.test import TestCase
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone
from openpyxl import load_workbook
from wagtail.models import Site
from wagtail.test.utils import WagtailTestUtils

from polls.admin.triage import set_triage_status
from polls.models import PollSettings, Response, TriageStatus
from polls.testing import (
    choice,
    default_poll,
    make_editor,
    make_page,
    make_poll,
    vote,
)

URL = reverse("polls_admin:helpfulness")
WILSON = "Wilson lower bound (95%), blank below the minimum to be ranked"


class HelpfulnessReportTestCase(WagtailTestUtils, TestCase):
    """Five pages whose figures were worked out by hand.

    ========  =========  ============  ======  =================
    page      section    answers       %       Wilson (n ≥ 10)
    ========  =========  ============  ======  =================
    A         Health     8 yes, 2 no   80      0.4902
    B         Fitness    80 yes, 20 no 80      0.7112
    C         Health     3 yes         100     not ranked (3)
    D         Fitness    1 yes, 9 no   10      0.0179 (40 days ago)
    E         Health     2 yes, poll 2 100     not ranked (2)
    ========  =========  ============  ======  =================
    """

    @classmethod
    def setUpTestData(cls):
        cls.poll = default_poll()
        yes, no = choice(cls.poll, "Yes"), choice(cls.poll, "No")
        cls.health, cls.fitness = make_page("Health"), make_page("Fitness")
        cls.a = make_page("Numb legs", parent=cls.health)
        cls.b = make_page("Cramp", parent=cls.fitness)
        cls.c = make_page("Stitch", parent=cls.health)
        cls.d = make_page("Shin splints", parent=cls.fitness)
        cls.e = make_page("Blisters", parent=cls.health)
        vote(cls.a, yes, 8), vote(cls.a, no, 2, reader="a-no")
        vote(cls.b, yes, 80), vote(cls.b, no, 20, reader="b-no")
        vote(cls.c, yes, 3)
        long_ago = timezone.localdate() - datetime.timedelta(days=40)
        vote(cls.d, yes, 1, on=long_ago), vote(cls.d, no, 9, on=long_ago, reader="dn")
        cls.other_poll = make_poll("Did this answer your question?")
        vote(cls.e, choice(cls.other_poll, "Yes"), 2)

    def setUp(self):
        self.login(make_editor("editor"))

    def export_rows(self, **params):
        response = self.client.get(URL, {**params, "export": "csv"})
        self.assertEqual(response.status_code, HTTPStatus.OK)
        content = b"".join(response.streaming_content).decode()
        return list(csv.DictReader(io.StringIO(content)))

    def titles(self, **params):
        return [row["Article"] for row in self.export_rows(**params)]


class NumbersTests(HelpfulnessReportTestCase):
    def test_export_gives_hand_computed_figures(self):
        rows = {row["Article"]: row for row in self.export_rows()}
        self.assertEqual(
            rows["Numb legs"],
            {
                "Page ID": str(self.a.pk),
                "Article": "Numb legs",
                "Answers": "10",
                "Positive": "8",
                "Negative": "2",
                "% positive": "80.0",
                WILSON: "0.4902",
                "Last answer": timezone.localdate().isoformat(),
            },
        )
        self.assertEqual(rows["Cramp"]["Answers"], "100")
        self.assertEqual(
            rows["Cramp"][WILSON],
            "0.7112",
        )
        self.assertEqual(
            rows["Shin splints"][WILSON],
            "0.0179",
        )

    def test_pages_under_the_minimum_are_listed_but_not_scored(self):
        rows = {row["Article"]: row for row in self.export_rows()}
        stitch = rows["Stitch"]
        self.assertEqual((stitch["Answers"], stitch["% positive"]), ("3", "100.0"))
        self.assertEqual(stitch[WILSON], "")

    def test_the_minimum_comes_from_the_site_settings(self):
        settings = PollSettings.for_site(Site.objects.get(is_default_site=True))
        settings.minimum_responses = 3
        settings.save()
        rows = {row["Article"]: row for row in self.export_rows()}
        self.assertEqual(
            rows["Stitch"][WILSON],
            "0.4385",  # 3 of 3: (3 + 1.9208 − 1.96·√0.9604) / 6.8416
        )

    def test_table_shows_every_percentage_with_its_count_and_links_each_row(self):
        response = self.client.get(URL)
        self.assertEqual(response.status_code, HTTPStatus.OK)
        soup = BeautifulSoup(response.content, "html.parser")
        rows = {
            tr.select_one("td.title").get_text(strip=True): tr
            for tr in soup.select("table.listing tbody tr")
        }
        self.assertEqual(
            set(rows), {"Numb legs", "Cramp", "Stitch", "Shin splints", "Blisters"}
        )
        numb_legs = [td.get_text(" ", strip=True) for td in rows["Numb legs"]("td")]
        self.assertEqual(numb_legs[1:4], ["10", "8", "2"])
        self.assertEqual(numb_legs[4], "80% of 10 answers")
        self.assertEqual(numb_legs[5], "at least 49% of 10 answers")
        self.assertIn(
            "Not ranked: 3 of the 10 answers needed (minimum to be ranked)",
            rows["Stitch"].get_text(" "),
        )
        self.assertEqual(
            rows["Cramp"].select_one("td.title a")["href"],
            reverse("polls_admin:page_helpfulness", args=[self.b.pk]),
        )
        self.assertEqual(numb_legs[6], "today")
        self.assertIn("5 pages", soup.get_text(" "))

    def test_spam_drops_out_of_the_report(self):
        spam = Response.objects.filter(page=self.a, choice__label="No").first()
        set_triage_status(spam, TriageStatus.SPAM)
        rows = {row["Article"]: row for row in self.export_rows()}
        self.assertEqual(
            (rows["Numb legs"]["Answers"], rows["Numb legs"]["Negative"]), ("9", "1")
        )

    def test_reads_the_counters_not_the_responses(self):
        """So its cost does not grow with the number of votes."""
        with CaptureQueriesContext(connection) as queries:
            self.client.get(URL, {"date_from": "2020-01-01", "ordering": "-wilson"})
            self.export_rows()
        sql = [q["sql"] for q in queries]
        self.assertTrue([q for q in sql if "polls_dailycount" in q])  # date range
        self.assertTrue([q for q in sql if "polls_pagetotal" in q])  # all time
        self.assertFalse([q["sql"] for q in queries if "polls_response" in q["sql"]])


class FilterTests(HelpfulnessReportTestCase):
    def test_all_time_totals_agree_with_the_daily_counters(self):
        all_time = self.export_rows(ordering="title")
        every_day = self.export_rows(ordering="title", date_from="2000-01-01")
        self.assertEqual(all_time, every_day)
        self.assertTrue(all_time)

    def test_date_range_restricts_the_counters_summed(self):
        today = timezone.localdate()
        recent = self.titles(
            date_from=(today - datetime.timedelta(days=10)).isoformat()
        )
        self.assertNotIn("Shin splints", recent)
        self.assertEqual(len(recent), 4)
        old = self.titles(date_to=(today - datetime.timedelta(days=30)).isoformat())
        self.assertEqual(old, ["Shin splints"])

    def test_date_filter_goes_to_the_where_clause(self):
        """Filtering after the sums (HAVING) would drop whole pages, not old days."""
        with CaptureQueriesContext(connection) as queries:
            self.export_rows(date_from="2020-01-01")
        sql = next(q["sql"] for q in queries if "polls_dailycount" in q["sql"])
        where = sql.split(" WHERE ")[1].split(" GROUP BY ")[0]
        self.assertIn('"polls_dailycount"."date" >=', where)

    def test_poll_filter(self):
        self.assertEqual(self.titles(poll=self.other_poll.pk), ["Blisters"])
        self.assertNotIn("Blisters", self.titles(poll=self.poll.pk))

    def test_section_filter_keeps_the_pages_below_the_section(self):
        self.assertEqual(
            sorted(self.titles(section=self.health.pk)),
            ["Blisters", "Numb legs", "Stitch"],
        )
        self.assertEqual(
            sorted(self.titles(section=self.fitness.pk)), ["Cramp", "Shin splints"]
        )

    def test_search_by_title(self):
        self.assertEqual(self.titles(q="cramp"), ["Cramp"])

    def test_invalid_filter_values_do_not_break_the_report(self):
        for params in [
            {"section": "999999"},
            {"date_from": "not-a-date"},
            {"poll": "x"},
        ]:
            with self.subTest(params):
                response = self.client.get(URL, params)
                self.assertEqual(response.status_code, HTTPStatus.OK)


class SortingTests(HelpfulnessReportTestCase):
    def test_orderings_keep_unranked_pages_last(self):
        cases = {
            "": ["Shin splints", "Numb legs", "Cramp", "Stitch", "Blisters"],
            "wilson": ["Shin splints", "Numb legs", "Cramp", "Stitch", "Blisters"],
            "-wilson": ["Cramp", "Numb legs", "Shin splints", "Stitch", "Blisters"],
            "percent_positive": [
                "Shin splints",
                "Numb legs",
                "Cramp",
                "Stitch",
                "Blisters",
            ],
            "-percent_positive": [
                "Numb legs",
                "Cramp",
                "Shin splints",
                "Stitch",
                "Blisters",
            ],
            "-responses": ["Cramp", "Numb legs", "Shin splints", "Stitch", "Blisters"],
            "page_title": ["Blisters", "Cramp", "Numb legs", "Shin splints", "Stitch"],
        }
        for ordering, expected in cases.items():
            with self.subTest(ordering=ordering):
                params = {"ordering": ordering} if ordering else {}
                self.assertEqual(self.titles(**params), expected)

    def test_html_table_follows_the_same_order(self):
        response = self.client.get(URL, {"ordering": "-wilson"})
        soup = BeautifulSoup(response.content, "html.parser")
        titles = [td.get_text(strip=True) for td in soup.select("tbody td.title")]
        self.assertEqual(titles[:3], ["Cramp", "Numb legs", "Shin splints"])


class ExportTests(HelpfulnessReportTestCase):
    @classmethod
    def setUpTestData(cls):
        super().setUpTestData()
        cls.evil = make_page('=HYPERLINK("http://evil.example/","Click")')
        vote(cls.evil, choice(cls.poll, "Yes"), 1)

    def test_csv_has_the_documented_columns(self):
        response = self.client.get(URL, {"export": "csv"})
        self.assertEqual(response["Content-Type"], "text/csv")
        self.assertIn("article-helpfulness-", response["Content-Disposition"])
        header = b"".join(response.streaming_content).decode().splitlines()[0]
        self.assertEqual(
            header,
            "Page ID,Article,Answers,Positive,Negative,% positive,"
            '"Wilson lower bound (95%), blank below the minimum to be ranked",'
            "Last answer",
        )

    def test_csv_neutralises_formulas(self):
        titles = self.titles()
        self.assertIn('\'=HYPERLINK("http://evil.example/","Click")', titles)
        self.assertFalse([t for t in titles if t.startswith("=")])

    def test_xlsx_opens_and_neutralises_formulas(self):
        response = self.client.get(URL, {"export": "xlsx"})
        self.assertEqual(response.status_code, HTTPStatus.OK)
        sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
        rows = list(sheet.iter_rows(values_only=True))
        self.assertEqual(rows[0][:3], ("Page ID", "Article", "Answers"))
        self.assertEqual(len(rows), 7)  # heading + six pages
        evil = next(row for row in rows if "HYPERLINK" in str(row[1]))
        self.assertEqual(evil[1], '\'=HYPERLINK("http://evil.example/","Click")')
        numb_legs = next(row for row in rows if row[1] == "Numb legs")
        self.assertEqual(numb_legs[2:7], (10, 8, 2, 80.0, 0.4902))

    def test_html_escapes_page_titles(self):
        page = make_page("<script>alert(1)</script>")
        vote(page, choice(self.poll, "Yes"), 1)
        response = self.client.get(URL)
        self.assertNotContains(response, "<script>alert(1)</script>")
        self.assertContains(response, "&lt;script&gt;alert(1)&lt;/script&gt;")

    def test_export_follows_the_filters(self):
        self.assertEqual(
            self.titles(section=self.fitness.pk, ordering="-wilson"),
            ["Cramp", "Shin splints"],
        )


class ResultsTwinTests(HelpfulnessReportTestCase):
    def test_results_route_renders_only_the_table(self):
        response = self.client.get(reverse("polls_admin:helpfulness_results"))
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertContains(response, "Numb legs")
        self.assertNotContains(response, "<html")
