"""An editor writes an article in Wagtail's admin, reorders its causes and
publishes it; the live page numbers the causes in the new order."""

import re

from playwright.sync_api import expect

from articles.models import ArticleIndexPage
from e2e.demo import expect_numbered_causes, log_in, screenshot

TITLE = "Why do my feet tingle after a run?"
CAUSES = {
    "Tight shoes": "Laces pressing on the nerves across the top of the foot.",
    "Cold weather": "Blood vessels narrow in the cold and feet get less blood.",
    "Long runs": "Hours of the same movement tire the muscles that protect nerves.",
}


def test_an_editor_writes_reorders_and_publishes_an_article(
    site, moderator, page, console
):
    # Wagtail 7.4 autosaves the half-written form while the editor types, and
    # answers 400 (a JSON list of validation errors) until it is complete: the
    # browser logs that as a failed load. Publishing is still checked below.
    console.expect("status of 400")
    log_in(page, moderator)
    # A moderator's page explorer opens at the home page, which they edit too.
    page.goto("/admin/pages/")
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Exploring: Health Answers"
    )
    section = ArticleIndexPage.objects.get(slug="articles")
    page.goto(f"/admin/pages/{section.pk}/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Exploring: Articles")
    page.get_by_role("link", name="Add child page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New: Article")

    page.get_by_role("textbox", name="Title*").fill(TITLE)
    page.get_by_role("textbox", name="Summary*").fill(
        "Three everyday reasons feet tingle after running."
    )
    body = page.get_by_role("region", name="Body*")
    body.get_by_role("button", name="Insert a block").click()
    page.get_by_role("option", name="Numbered causes").click()
    block = body.get_by_role("region", name="Numbered causes")
    block.get_by_role("textbox", name="Heading").fill("Common causes")
    causes = block.get_by_role("region", name="Cause")
    for position, (title, explanation) in enumerate(CAUSES.items()):
        if position:
            block.get_by_role("button", name="Add", exact=True).last.click()
        cause = causes.nth(position)
        cause.get_by_role("textbox", name="Title*").fill(title)
        cause.locator("[contenteditable=true]").fill(explanation)
        # Draftail writes the text into the form a moment later; moving the
        # block before then (as below) would rebuild it from the empty form.
        expect(cause.locator("input[name$='-explanation']")).to_have_value(
            re.compile(re.escape(explanation))
        )
    expect(causes).to_have_count(3)

    # "Long runs" to the top, one "Move up" at a time.
    causes.nth(2).get_by_role("button", name="Move up").click()
    causes.nth(1).get_by_role("button", name="Move up").click()
    new_order = ["Long runs", "Tight shoes", "Cold weather"]
    for position, title in enumerate(new_order):
        expect(
            causes.nth(position).get_by_role("textbox", name="Title*")
        ).to_have_value(title)

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Publish", exact=True).click()
    expect(page.get_by_text(f"Page '{TITLE}' created and published.")).to_be_visible()

    page.goto("/articles/why-do-my-feet-tingle-after-a-run/")
    expect(page.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect_numbered_causes(page, new_order)
    expect(page.locator("ol.causes > li").first).to_contain_text(CAUSES["Long runs"])

    # The editor sees Wagtail's user bar on the live page, under its CSP too.
    userbar = page.get_by_role("button", name="View Wagtail quick actions")
    userbar.click()
    expect(
        page.get_by_role("menuitem", name=re.compile("Edit this page"))
    ).to_be_visible()
    screenshot(page, "editor-published-article")
