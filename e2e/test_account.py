"""An editor whose account has no first or last name turns the digest off."""

from playwright.sync_api import expect

from e2e.axe import WCAG_TAGS
from e2e.demo import log_in, messages_shown, screenshot
from polls.models import DigestPreference


def test_an_editor_without_names_turns_the_digest_off_and_it_stays_off(
    site, nameless_editor, page, axe, console
):
    # Wagtail lists the server's time zones, and Debian's include "localtime",
    # which the browser cannot name: its script logs that, and carries on.
    console.expect("Invalid time zone specified: localtime")
    log_in(page, nameless_editor)
    page.goto("/admin/account/")
    page.get_by_role("tab", name="Notifications").click()
    digest = page.get_by_label("Weekly helpfulness digest")
    expect(digest).to_be_checked()
    digest.uncheck()
    page.get_by_role("button", name="Save").click()

    expect(
        page.get_by_text("Saved: you will not get the weekly reader feedback digest.")
    ).to_be_visible()
    messages_shown(page)
    page.get_by_role("tab", name="Notifications").click()
    expect(page.get_by_text("Other settings on this page were not")).to_be_visible()
    screenshot(page, "digest-1-saved-alone")
    assert axe(page, WCAG_TAGS) == []

    page.goto("/admin/account/")
    page.get_by_role("tab", name="Notifications").click()
    expect(page.get_by_label("Weekly helpfulness digest")).not_to_be_checked()
    expect(page.get_by_text("Other settings on this page were not")).to_have_count(0)
    screenshot(page, "digest-2-still-off")
    assert axe(page, WCAG_TAGS) == []
    assert not DigestPreference.objects.get(user=nameless_editor).receive_digest
