"""A reader finds the seed article, reads it and answers the poll, with and
without JavaScript."""

import re

from playwright.sync_api import expect

from e2e.demo import (
    FOLLOW_UP_THANKS,
    SEED_CAUSES,
    SEED_PATH,
    SEED_TITLE,
    THANKS,
    PollWidget,
    expect_numbered_causes,
)
from polls.models import Reason, Response

COMMENT = "I wanted to know when to see a doctor."


def open_seed_article(page):
    """From the home page, by the link a reader would follow."""
    page.goto("/")
    page.get_by_role("link", name=SEED_TITLE).first.click()
    expect(page).to_have_url(re.compile(re.escape(SEED_PATH) + r"$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(SEED_TITLE)


def expect_the_whole_article(page):
    expect_numbered_causes(page, SEED_CAUSES)
    for heading in ("Prevention", "Conclusion"):
        section = page.get_by_role("region", name=heading)
        expect(section).to_be_visible()
        expect(section).to_contain_text("stretch and warm up")


def stored_answer():
    response = Response.objects.select_related("choice").get(
        page__url_path__endswith=SEED_PATH
    )
    return response.choice.label, response.reasons, response.comment


def test_a_reader_answers_yes_then_changes_to_no_and_says_why(site, reader):
    open_seed_article(reader)
    expect_the_whole_article(reader)
    poll = PollWidget(reader)

    poll.answer("Yes")
    expect(poll.result).to_be_focused()
    expect(poll.result).to_contain_text(THANKS)
    poll.expect_answer("Yes")
    expect(poll.follow_up).to_be_hidden()

    reader.reload()
    poll.expect_answer("Yes")
    expect(poll.choice("No")).to_have_attribute("aria-pressed", "false")

    poll.answer("No")
    poll.expect_answer("No")
    expect(poll.follow_up).to_be_visible()
    poll.tell_more("It did not answer my question", COMMENT)
    expect(poll.result).to_be_focused()
    expect(poll.result).to_have_text(FOLLOW_UP_THANKS)
    expect(poll.follow_up).to_be_hidden()

    assert stored_answer() == ("No", [Reason.DID_NOT_ANSWER], COMMENT)


def test_without_javascript_the_poll_still_records_and_shows_answers(
    site, reader_without_js
):
    page = reader_without_js
    open_seed_article(page)
    expect_the_whole_article(page)
    poll = PollWidget(page)

    poll.answer("Yes")
    expect(page).to_have_url(re.compile(r"\?answered=\d+#poll$"))
    expect(poll.result).to_contain_text(THANKS)
    poll.expect_answer("Yes")

    page.reload()
    poll.expect_answer("Yes")

    poll.answer("No")
    poll.expect_answer("No")
    expect(poll.follow_up).to_be_visible()
    poll.tell_more("It did not answer my question", COMMENT)
    expect(page).to_have_url(re.compile(r"follow_up=sent#poll$"))
    expect(poll.result).to_have_text(FOLLOW_UP_THANKS)
    expect(poll.follow_up).to_be_hidden()

    assert stored_answer() == ("No", [Reason.DID_NOT_ANSWER], COMMENT)


def test_the_poll_works_from_the_keyboard_and_focus_lands_on_the_result(site, reader):
    reader.goto(SEED_PATH)
    poll = PollWidget(reader)
    yes = poll.choice("Yes")
    presses = 0
    while not yes.evaluate("button => button === document.activeElement"):
        reader.keyboard.press("Tab")
        presses += 1
        assert presses < 60, "Tab never reached the poll's Yes button"
    outline = yes.evaluate("button => getComputedStyle(button).outlineStyle")
    assert outline != "none", "the focused Yes button shows no focus outline"

    reader.keyboard.press("Enter")
    expect(poll.result).to_be_focused()
    poll.expect_answer("Yes")
    outline = poll.result.evaluate("result => getComputedStyle(result).outlineStyle")
    assert outline != "none", "the focused result shows no focus outline"

    reader.keyboard.press("Shift+Tab")
    expect(poll.choice("No")).to_be_focused()
    reader.keyboard.press("Enter")
    expect(poll.result).to_be_focused()
    poll.expect_answer("No")

    reader.keyboard.press("Tab")
    first_reason = poll.follow_up.get_by_role("checkbox").first
    expect(first_reason).to_be_focused()
    reader.keyboard.press("Space")
    expect(first_reason).to_be_checked()
    comment = poll.follow_up.get_by_role("textbox")
    while not comment.evaluate("box => box === document.activeElement"):
        reader.keyboard.press("Tab")
    reader.keyboard.type(COMMENT)
    reader.keyboard.press("Tab")
    expect(poll.follow_up.get_by_role("button", name="Send")).to_be_focused()
    reader.keyboard.press("Enter")
    expect(poll.result).to_be_focused()
    expect(poll.result).to_have_text(FOLLOW_UP_THANKS)

    label, reasons, stored_comment = stored_answer()
    assert (label, len(reasons), stored_comment) == ("No", 1, COMMENT)
