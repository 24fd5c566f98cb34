"""The demo site as a reader or an editor meets it in the browser."""

import re
from dataclasses import dataclass

from playwright.sync_api import Page, expect

from e2e.tools import artifact

PASSWORD = "a long browser-test password"

SEED_TITLE = "Why Does My Leg Go Numb When I Run?"
SEED_PATH = "/articles/why-does-my-leg-go-numb-when-i-run/"
SEED_CAUSES = [
    "Compression of nerves",
    "Poor blood flow",
    "Vitamin or mineral deficiency",
    "Muscular imbalances",
    "Medical conditions",
]
TOPIC_PATH = "/articles/topics/nerves-and-numbness/"

THANKS = "Thank you for your feedback."
# "We read every comment" only where Poll settings say someone does (not the demo).
FOLLOW_UP_THANKS = "Thank you for telling us more."


def answered(label):
    return f"You answered “{label}”; you can change your answer above."


@dataclass(frozen=True)
class DemoSite:
    url: str


def expect_numbered_causes(page, titles):
    """The causes list shows ``titles`` in this order, numbered 1, 2, 3...

    The numbers come from the browser (an ``<ol>`` with decimal markers), so
    their order is the order of the items.
    """
    causes = page.locator("ol.causes > li")
    expect(causes.get_by_role("heading")).to_have_text(titles)
    numbering = causes.evaluate_all(
        """items => items.map(item => [
            getComputedStyle(item).listStyleType,
            item.parentElement.start,
            item.parentElement.reversed,
        ])"""
    )
    assert numbering == [["decimal", 1, False]] * len(titles)


class PollWidget:
    """The "Was this article helpful?" widget at the end of an article."""

    def __init__(self, page):
        self.page = page
        self.widget = page.get_by_role("region", name="Was this article helpful?")
        self.result = self.widget.get_by_role("status")
        self.follow_up = self.widget.locator("form[data-poll-follow-up]")

    def choice(self, label):
        return self.widget.get_by_role("button", name=label, exact=True)

    def answer(self, label):
        self.choice(label).click()

    def expect_answer(self, label):
        expect(self.choice(label)).to_have_attribute("aria-pressed", "true")
        expect(self.result).to_contain_text(answered(label))

    def tell_more(self, reason, comment):
        self.follow_up.get_by_role("checkbox", name=reason).check()
        self.follow_up.get_by_role(
            "textbox", name="Anything else we should know?"
        ).fill(comment)
        self.follow_up.get_by_role("button", name="Send").click()


def log_in(page, user, next_url="/admin/"):
    page.goto(f"/admin/login/?next={next_url}")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(re.escape(next_url) + "$"))


def messages_shown(page):
    """Wait for the admin's messages to finish sliding in: axe would measure
    their colours half-way."""
    page.locator(".messages").evaluate(
        "el => Promise.all(el.getAnimations({subtree: true}).map(a => a.finished))"
    )


def screenshot(target, name):
    """A screenshot of a whole page, or of one element, for people to look at.

    Saved as test-artifacts/screenshots/<name>.png.
    """
    path = artifact("screenshots", f"{name}.png")
    if isinstance(target, Page):
        target.screenshot(path=path, full_page=True)
    else:
        target.screenshot(path=path)
    return path
