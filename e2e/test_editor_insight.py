"""An editor learns what needs them and whether an edit helped.

The demo's labelled past answers (``load_demo --demo-feedback``) give the seed
article an edit 25 days ago, answers on both sides of it, and one negative
comment waiting for triage.
"""

import datetime
import io
import re

import pytest
from django.core.management import call_command
from django.utils import timezone
from playwright.sync_api import expect

from e2e.axe import WCAG_TAGS
from e2e.demo import SEED_TITLE, log_in, screenshot
from home.demo_feedback import EDIT_DAYS_AGO


@pytest.fixture
def feedback(site):
    call_command("load_demo", "--demo-feedback", stdout=io.StringIO())
    return site


def test_an_editor_goes_from_the_dashboard_to_the_edits_verdict(
    feedback, moderator, page, axe, subtests
):
    log_in(page, moderator)
    panel = page.get_by_role("region", name=re.compile(r"^Reader feedback: Last 30"))
    attention = panel.get_by_role("region", name="Needs attention")
    expect(attention.get_by_role("link", name=SEED_TITLE)).to_be_visible()
    expect(attention).to_contain_text("negative comment to triage")
    with subtests.test(page="dashboard"):
        assert axe(page, WCAG_TAGS) == []

    page.get_by_role("button", name="Reports").click()
    page.get_by_role("link", name="Needs attention").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Needs attention")
    entry = page.locator(".polls-attention__entry", has_text=SEED_TITLE)
    expect(entry.locator("[data-kind]")).not_to_have_count(0)
    screenshot(page, "needs-attention")
    with subtests.test(page="needs attention"):
        assert axe(page, WCAG_TAGS) == []

    entry.get_by_role("link", name=SEED_TITLE).click()
    edits = page.get_by_role("region", name="Before and after each edit")
    # The demo's edit, 25 days ago; the article's publish by load_demo itself
    # is an edit of today, still "too few days to tell".
    day = timezone.localtime() - datetime.timedelta(days=EDIT_DAYS_AGO)
    edit = edits.locator(
        "section.polls-edit", has_text=f"Edit published {day.day} {day:%b %Y}"
    )
    expect(edit.locator(".polls-verdict")).to_contain_text(
        "More helpful since this edit"
    )
    sides = edit.locator("tr[data-side]")
    expect(sides).to_have_count(2)
    reasons = edit.get_by_role("table", name="Why readers said no, before and after")
    expect(reasons.locator("tr[data-reason]")).not_to_have_count(0)
    screenshot(edits, "before-and-after")
    with subtests.test(page="the article's report"):
        assert axe(page, WCAG_TAGS) == []
