"""An article from draft to a recorded clinical review, as a newsroom does it.

An editor writes an article, leaving the optional parts they added empty,
and submits it; a moderator approves it from the dashboard, recording the
medical review; the live page says who reviewed it and when. An editor
reorders a published article's causes and submits it; once approved, the
republished page numbers them in the new order.
"""

import re

import pytest
from django.apps import apps
from django.utils import timezone
from django.utils.dateformat import format as format_date
from playwright.sync_api import expect

from articles.governance import govern_article_sections
from articles.models import ArticleIndexPage, ArticlePage
from e2e.axe import PUBLIC_TAGS, WCAG_TAGS
from e2e.demo import (
    SEED_CAUSES,
    SEED_PATH,
    SEED_TITLE,
    expect_numbered_causes,
    log_in,
    messages_shown,
    screenshot,
)
from testing.pages import make_article
from testing.reviews import make_clinician, review_data

TITLE = "Why do my fingers tingle in the cold?"
PATH = "/articles/why-do-my-fingers-tingle-in-the-cold/"


@pytest.fixture
def clinician(moderator):
    """The moderator's own contributor profile: the review's proposed reviewer."""
    return make_clinician(user=moderator, name="Dr Maya Moderator", credentials="MBBS")


def settled(page):
    """Wait for autosave and the editing session's requests to finish."""
    page.wait_for_load_state("networkidle")


def test_an_editor_writes_an_article_with_its_optional_parts_empty_and_submits_it(
    site, editor, page, axe, console
):
    # Autosave answers 400 when the editor's own save got there first.
    console.expect("status of 400")
    log_in(page, editor)
    section = ArticleIndexPage.objects.get(slug="articles")
    page.goto(f"/admin/pages/{section.pk}/")
    page.get_by_role("link", name="Add child page").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("New: Article")

    page.get_by_role("textbox", name="Title*").fill(TITLE)
    page.get_by_role("textbox", name="Summary*").fill(
        "Cold narrows the blood vessels in the fingers."
    )
    body = page.get_by_role("region", name="Body*")
    body.get_by_role("button", name="Insert a block").click()
    page.get_by_role("option", name="Numbered causes").click()
    causes = body.get_by_role("region", name="Numbered causes")
    cause = causes.get_by_role("region", name="Cause").first
    cause.get_by_role("textbox", name="Title*").fill("Cold")
    cause.locator("[contenteditable=true]").fill("Blood vessels narrow in the cold.")
    expect(cause.locator("input[name$='-explanation']")).to_have_value(
        re.compile("narrow")
    )
    # A second cause, added and left empty.
    causes.get_by_role("button", name="Add", exact=True).last.click()
    expect(causes.get_by_role("region", name="Cause")).to_have_count(2)

    body.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name="Prevention").click()
    prevention = body.get_by_role("region", name="Prevention")
    prevention.locator("[contenteditable=true]").fill("Wear gloves outside.")
    expect(prevention.locator("input[name$='-text']")).to_have_value(
        re.compile("gloves")
    )
    # The optional tips: one added, left empty.
    prevention.get_by_role("button", name="Add", exact=True).last.click()
    expect(
        prevention.locator("input[name*='-tips-'][name$='-value']")
    ).not_to_have_count(0)
    # A paragraph, added and left empty.
    body.get_by_role("button", name="Insert a block").last.click()
    page.get_by_role("option", name="Paragraph").click()

    page.get_by_role("button", name="Save draft").click()
    expect(
        page.get_by_text(
            re.compile(f"Page '{re.escape(TITLE)}' (created|has been updated)")
        )
    ).to_be_visible()
    settled(page)
    messages_shown(page)
    screenshot(page, "review-1-draft-saved")
    assert axe(page, WCAG_TAGS) == []

    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Clinical review").click()
    expect(
        page.get_by_text(f"Page '{TITLE}' has been submitted for moderation.")
    ).to_be_visible()
    messages_shown(page)
    screenshot(page, "review-2-submitted")
    assert axe(page, WCAG_TAGS) == []

    article = ArticlePage.objects.get(title=TITLE)
    assert article.current_workflow_task.name == "Clinical review"
    draft = article.get_latest_revision_as_object()
    assert [block.block_type for block in draft.body] == ["causes", "prevention"]
    assert [cause["title"] for cause in draft.body[0].value["causes"]] == ["Cold"]
    assert list(draft.body[1].value["tips"]) == []


def test_a_moderator_approves_it_recording_the_review(
    site, editor, moderator, clinician, page, reader, axe
):
    section = ArticleIndexPage.objects.get(slug="articles")
    article = make_article(section, title=TITLE, publish=False)
    article.get_workflow().start(article, editor)

    log_in(page, moderator)
    waiting = page.get_by_role("region", name="Awaiting your review")
    row = waiting.get_by_role("row").filter(has_text=TITLE)
    row.get_by_role("button", name="Actions").click()
    row.get_by_role("button", name="Approve").click()

    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading", level=1)).to_have_text(
        "Approve and record the medical review"
    )
    today = timezone.localdate()
    expect(dialog.get_by_label("Medically reviewed by*")).to_have_value(
        str(clinician.pk)
    )
    expect(dialog.get_by_label("Review date*")).to_have_value(f"{today:%Y-%m-%d}")
    expect(dialog.get_by_label("Next review due*")).to_have_value(
        f"{today.replace(year=today.year + 1):%Y-%m-%d}"
    )
    dialog.get_by_label("Comment").fill("Checked against the NHS guidance.")
    screenshot(page, "review-3-approval-form")
    assert axe(page, WCAG_TAGS) == []

    dialog.get_by_role("button", name="Approve and publish").click()
    message = page.get_by_text(f"“{TITLE}” approved and published.")
    expect(message).to_be_visible()
    messages_shown(page)
    expect(
        page.get_by_text(re.compile("Medically reviewed by Dr Maya Moderator, MBBS on"))
    ).to_be_visible()
    screenshot(page, "review-4-approved")
    assert axe(page, WCAG_TAGS) == []

    page.goto(f"/admin/pages/{article.pk}/history/")
    approval = page.get_by_role("row").filter(has_text="Approved at 'Clinical review'")
    expect(approval).to_contain_text("Maya Moderator")
    reviewed = format_date(today, "j M Y")
    expect(approval).to_contain_text(
        f"Medically reviewed by Dr Maya Moderator, MBBS on {reviewed}"
    )
    screenshot(page, "review-5-history")
    assert axe(page, WCAG_TAGS) == []

    # What readers see.
    reader.goto(PATH)
    details = reader.locator(".review-details")
    expect(details).to_contain_text("Medically reviewed by")
    expect(details).to_contain_text("Dr Maya Moderator, MBBS")
    expect(details.locator("time").first).to_have_attribute(
        "datetime", f"{today:%Y-%m-%d}"
    )
    expect(details).to_contain_text(format_date(today, "j F Y"))
    expect(reader.get_by_text("Not yet medically reviewed")).to_have_count(0)
    screenshot(reader, "review-6-live-article")
    assert axe(reader, PUBLIC_TAGS) == []


def test_the_editor_reorders_the_causes_and_the_republished_page_renumbers_them(
    site, editor, moderator, clinician, page, reader, new_context, axe, console
):
    console.expect("status of 400")
    section = ArticleIndexPage.objects.get(slug="articles")
    govern_article_sections(apps, [section])
    article = ArticlePage.objects.get(title=SEED_TITLE)

    log_in(page, editor)
    page.goto(f"/admin/pages/{article.pk}/edit/")
    body = page.get_by_role("region", name="Body*")
    # Each cause's region is named "Cause" and its title.
    causes = body.get_by_role("region", name=re.compile(r"^Cause\b"))
    expect(causes).to_have_count(len(SEED_CAUSES))
    # The last cause to the top, one "Move up" at a time.
    for position in range(len(SEED_CAUSES) - 1, 0, -1):
        causes.nth(position).get_by_role("button", name="Move up").click()
    new_order = [SEED_CAUSES[-1], *SEED_CAUSES[:-1]]
    for position, title in enumerate(new_order):
        expect(
            causes.nth(position).get_by_role("textbox", name="Title*")
        ).to_have_value(title)
    screenshot(page, "reorder-1-moved")
    assert axe(page, WCAG_TAGS) == []
    settled(page)
    page.get_by_role("button", name="More actions").click()
    page.get_by_role("button", name="Submit to Clinical review").click()
    expect(
        page.get_by_text(f"Page '{SEED_TITLE}' has been submitted for moderation.")
    ).to_be_visible()

    # Readers still see the old order until the review is approved.
    reader.goto(SEED_PATH)
    expect_numbered_causes(reader, SEED_CAUSES)

    article = ArticlePage.objects.get(pk=article.pk)
    task = article.current_workflow_task.specific
    task.on_action(
        article.current_workflow_task_state,
        moderator,
        "approve",
        **review_data(clinician),
    )
    # A reader who comes now (the first one's browser may keep the page a
    # minute, as Cache-Control allows).
    later = new_context().new_page()
    later.goto(SEED_PATH)
    expect_numbered_causes(later, new_order)
    expect(later.locator(".review-details")).to_contain_text("Dr Maya Moderator")
    screenshot(later, "reorder-2-republished")
    assert axe(later, PUBLIC_TAGS) == []
