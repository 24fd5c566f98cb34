"""The poll's edge cases as a reader meets them (issue 14): two windows,
cleared cookies and shared links, the Back button without JavaScript, an
empty send, the character limit and personal details, each with axe at 0
and a screenshot in test-artifacts/screenshots/."""

import re

import pytest
from playwright.sync_api import expect

from e2e.axe import PUBLIC_TAGS
from e2e.demo import FOLLOW_UP_THANKS, SEED_PATH, PollWidget, answered, screenshot
from polls.models import Reason, Response

CHANGED = "You changed your answer to “Yes” in another window"


def stored():
    response = Response.objects.select_related("choice").get(
        page__url_path__endswith=SEED_PATH
    )
    return response.choice.label, response.reasons, response.comment


def problem(poll):
    return poll.follow_up.locator("[data-poll-problem]")


def comment_box(poll):
    return poll.follow_up.get_by_role("textbox", name="Anything else we should know?")


@pytest.fixture(autouse=True)
def asked_again(console):
    """The reader is asked to fix or confirm with a 400 or 409 reply, which
    Chromium logs as a failed resource; uncaught errors still fail."""
    console.expect(r"status of 40[09] \((Bad Request|Conflict)\)")


def test_reasons_from_a_window_still_showing_no(site, new_context, axe):
    context = new_context()
    first, second = context.new_page(), context.new_page()
    first.goto(SEED_PATH)
    first_poll = PollWidget(first)
    first_poll.answer("No")
    expect(first_poll.follow_up).to_be_visible()

    second.goto(SEED_PATH)
    PollWidget(second).answer("Yes")
    PollWidget(second).expect_answer("Yes")

    first_poll.tell_more("It was hard to understand", "Too many long words.")
    expect(problem(first_poll)).to_be_focused()
    expect(problem(first_poll)).to_contain_text(CHANGED)
    expect(first_poll.choice("Yes")).to_have_attribute("aria-pressed", "true")
    expect(first_poll.result).to_have_text(answered("Yes"))
    expect(comment_box(first_poll)).to_have_value("Too many long words.")
    assert stored() == ("Yes", [], "")
    assert axe(first, PUBLIC_TAGS) == []
    screenshot(first_poll.widget, "poll-changed-in-another-window")

    first_poll.follow_up.get_by_role("button", name="Answer “No” and send").click()
    expect(first_poll.result).to_have_text(FOLLOW_UP_THANKS)
    expect(first_poll.choice("No")).to_have_attribute("aria-pressed", "true")
    assert stored() == ("No", [Reason.HARD_TO_UNDERSTAND], "Too many long words.")


def test_cookies_cleared_after_answering_no_the_reasons_carry_the_answer(
    site, new_context
):
    context = new_context()
    page = context.new_page()
    page.goto(SEED_PATH)
    poll = PollWidget(page)
    poll.answer("No")
    poll.expect_answer("No")
    Response.objects.all().delete()  # as if answered from a cookie now gone
    context.clear_cookies()
    poll.tell_more("Something else", "More on shoes.")
    expect(poll.result).to_have_text(FOLLOW_UP_THANKS)
    assert stored() == ("No", [Reason.OTHER], "More on shoes.")


def test_a_shared_answered_link_shows_no_answer_to_someone_else(site, new_context, axe):
    sharer = new_context(java_script_enabled=False).new_page()
    sharer.goto(SEED_PATH)
    PollWidget(sharer).answer("No")
    expect(sharer).to_have_url(re.compile(r"\?answered=\d+#poll$"))

    for js in (False, True):
        visitor = new_context(java_script_enabled=js).new_page()
        visitor.goto(sharer.url)
        poll = PollWidget(visitor)
        expect(poll.result).to_have_text("")
        for label in ("Yes", "No"):
            expect(poll.choice(label)).to_have_attribute("aria-pressed", "false")
        expect(poll.follow_up).to_be_hidden()
    assert axe(visitor, PUBLIC_TAGS) == []
    screenshot(poll.widget, "poll-shared-link-visitor")


def test_back_without_javascript_shows_the_stored_answer(site, reader_without_js):
    page = reader_without_js
    page.goto(SEED_PATH)
    poll = PollWidget(page)
    poll.answer("Yes")
    poll.expect_answer("Yes")
    poll.answer("No")
    poll.expect_answer("No")
    page.go_back()
    expect(page).to_have_url(re.compile(r"\?answered=\d+#poll$"))
    poll.expect_answer("No")
    expect(poll.choice("Yes")).to_have_attribute("aria-pressed", "false")
    screenshot(poll.widget, "poll-back-without-js")


def test_sending_nothing_asks_for_a_reason_or_a_comment(
    site, reader, reader_without_js, axe
):
    for page in (reader, reader_without_js):
        page.goto(SEED_PATH)
        poll = PollWidget(page)
        poll.answer("No")
        expect(poll.follow_up).to_be_visible()
        poll.follow_up.get_by_role("button", name="Send").click()
        expect(page.get_by_text("Tick a reason or write a comment.")).to_be_visible()
        expect(page.get_by_text("Thank you for telling us more")).to_have_count(0)
    assert axe(reader, PUBLIC_TAGS) == []  # axe needs JavaScript to run
    expect(reader_without_js.get_by_role("heading", level=1)).to_have_text(
        "Check your comment"
    )
    screenshot(PollWidget(reader).widget, "poll-empty-send")
    screenshot(reader_without_js, "poll-empty-send-without-js")
    answers = Response.objects.values_list("choice__label", "reasons", "comment")
    assert list(answers) == [("No", [], "")] * 2  # both readers' "No", alone


def test_the_character_counter_and_the_limit(site, reader, reader_without_js, axe):
    reader.goto(SEED_PATH)
    poll = PollWidget(reader)
    poll.answer("No")
    counter = poll.follow_up.locator("[data-poll-counter]")
    expect(counter).to_have_text("You have 1,000 characters left.")
    comment_box(poll).fill("Shoes 👍🏽")  # the emoji is one character
    expect(counter).to_have_text("You have 993 characters left.")
    long_text = "x" * 1001
    comment_box(poll).fill(long_text)  # pasted, not cut by the browser
    expect(counter).to_have_text("You have 1 character too many.")
    expect(comment_box(poll)).to_have_attribute("aria-invalid", "true")
    poll.follow_up.get_by_role("button", name="Send").click()
    expect(problem(poll)).to_contain_text("Your comment is too long")
    expect(comment_box(poll)).to_have_value(long_text)
    assert axe(reader, PUBLIC_TAGS) == []
    screenshot(poll.widget, "poll-comment-too-long")

    page = reader_without_js
    page.goto(SEED_PATH)
    poll = PollWidget(page)
    poll.answer("No")
    expect(poll.follow_up.get_by_text("up to 1,000 characters")).to_be_visible()
    comment_box(poll).fill(long_text)
    poll.follow_up.get_by_role("button", name="Send").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Check your comment")
    expect(page.get_by_role("textbox")).to_have_value(long_text)
    expect(page.get_by_text("You have 1 character too many.").first).to_be_visible()
    screenshot(page, "poll-comment-too-long-without-js")
    answers = Response.objects.values_list("choice__label", "reasons", "comment")
    assert list(answers) == [("No", [], "")] * 2


def test_personal_details_are_pointed_out_before_sending(site, reader, axe):
    reader.goto(SEED_PATH)
    poll = PollWidget(reader)
    poll.answer("No")
    help_text = poll.follow_up.locator(".poll__help")
    expect(help_text).to_contain_text("We do not reply to comments")
    expect(help_text).to_contain_text("999")
    comment_box(poll).fill("Please email me at sam@example.com about my leg.")
    poll.follow_up.get_by_role("button", name="Send").click()
    expect(problem(poll)).to_contain_text("email address or phone number")
    assert stored() == ("No", [], "")
    assert axe(reader, PUBLIC_TAGS) == []
    screenshot(poll.widget, "poll-personal-details")
    poll.follow_up.get_by_role("button", name="Send without them").click()
    expect(poll.result).to_have_text(FOLLOW_UP_THANKS)
    assert stored() == ("No", [], "Please email me at [removed] about my leg.")


def test_even_padding_and_a_quiet_outline_on_the_focused_result(site, reader):
    reader.goto(SEED_PATH)
    poll = PollWidget(reader)
    box = poll.widget.bounding_box()
    question = poll.widget.get_by_role("heading").bounding_box()
    buttons = poll.choice("No").bounding_box()
    above = question["y"] - box["y"]
    below = box["y"] + box["height"] - (buttons["y"] + buttons["height"])
    assert abs(above - below) <= 1, (above, below)

    poll.answer("Yes")
    expect(poll.result).to_be_focused()
    expect(poll.result).to_contain_text(answered("Yes"))
    outline = poll.result.evaluate(
        "r => [getComputedStyle(r).outlineStyle, getComputedStyle(r).outlineWidth]"
    )
    assert outline == ["dashed", "1px"], outline
    screenshot(poll.widget, "poll-answered-focus")
