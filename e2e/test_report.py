"""Editors find readers' votes on the dashboard and in the "Article helpfulness"
report, filter it by date and download it as CSV."""

import csv
import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect
from wagtail.models import Site

from articles.models import ArticleIndexPage
from e2e.demo import SEED_PATH, SEED_TITLE, PollWidget, log_in, screenshot
from polls.models import PollSettings, Response
from polls.testing import backdate
from testing.pages import make_article

SECOND_TITLE = "Why do my hands go numb on a bike?"
SECOND_PATH = "/articles/why-do-my-hands-go-numb-on-a-bike/"
# (path, answer) for each reader, every one in their own browser.
VOTES = [
    (SEED_PATH, "Yes"),
    (SEED_PATH, "Yes"),
    (SEED_PATH, "No"),
    (SECOND_PATH, "No"),
    (SECOND_PATH, "No"),
]


@pytest.fixture
def votes(site, new_context):
    """A second article, and readers' answers cast in the browser."""
    make_article(ArticleIndexPage.objects.get(), title=SECOND_TITLE)
    settings = PollSettings.for_site(Site.objects.get(is_default_site=True))
    settings.minimum_responses = 2  # so both pages are ranked on the dashboard
    settings.save()
    for path, answer in VOTES:
        context = new_context()
        page = context.new_page()
        page.goto(path)
        poll = PollWidget(page)
        poll.answer(answer)
        poll.expect_answer(answer)
        context.close()


def results_table(page):
    """The report's results, not the date picker's calendar (also a table)."""
    return page.locator("#listing-results").get_by_role("table")


def report_rows(page):
    rows = results_table(page).get_by_role("row")
    return [
        [cell.strip() for cell in row.split("\t")]
        for row in rows.evaluate_all(
            "rows => rows.slice(1).map(row => [...row.cells].map(c => c.innerText)"
            ".join('\\t'))"
        )
    ]


def test_an_editor_sees_the_votes_on_the_dashboard(votes, moderator, page):
    # The panel counts complete days: the answers count once their day is over.
    for response in Response.objects.all():
        backdate(response, timezone.localdate() - datetime.timedelta(days=1))
    log_in(page, moderator)
    panel = page.get_by_role("region", name=re.compile(r"^Reader feedback: Last 30"))
    least = panel.get_by_role("region", name="Least helpful")
    most = panel.get_by_role("region", name="Most helpful")
    expect(least.get_by_role("listitem")).to_have_text(
        [f"{SECOND_TITLE} 0% helpful, 2 answers"]
    )
    expect(most.get_by_role("listitem")).to_have_text(
        [f"{SEED_TITLE} 67% helpful, 3 answers"]
    )


def test_an_editor_filters_the_report_by_date_and_downloads_it(votes, moderator, page):
    today = timezone.localdate()
    log_in(page, moderator)
    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Article helpfulness").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Article helpfulness")
    expect(results_table(page).get_by_role("row")).to_have_count(3)
    rows = {row[0]: row[1:4] for row in report_rows(page)}
    assert rows == {SEED_TITLE: ["3", "2", "1"], SECOND_TITLE: ["2", "0", "2"]}
    screenshot(page, "report-helpfulness")

    page.get_by_role("button", name="Show filters").click()
    page.get_by_role("button", name="Date").click()
    date_to = page.get_by_role("textbox", name="Date to")
    date_to.fill(f"{today - datetime.timedelta(days=1):%Y-%m-%d}")
    date_to.press("Tab")
    expect(page.get_by_text("There are no results.")).to_be_visible()

    date_to.fill(f"{today:%Y-%m-%d}")
    date_to.press("Tab")
    expect(page).to_have_url(re.compile(rf"\?date_to={today:%Y-%m-%d}$"))
    expect(results_table(page).get_by_role("row")).to_have_count(3)

    page.get_by_role("button", name="Actions").click()
    with page.expect_download() as download_info:
        page.get_by_role("link", name="Download CSV").click()
    download = download_info.value
    assert download.suggested_filename == f"article-helpfulness-to-{today}-{today}.csv"
    with open(download.path(), newline="", encoding="utf-8") as file:
        table = list(csv.DictReader(file))
    assert [
        (row["Article"], row["Answers"], row["Positive"], row["Negative"])
        for row in table
    ] == [(SECOND_TITLE, "2", "0", "2"), (SEED_TITLE, "3", "2", "1")]
    assert {row["Last answer"] for row in table} == {f"{today}"}
