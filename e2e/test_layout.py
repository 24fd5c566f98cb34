"""The article reflows: zoomed to 200% or 320 px wide, nothing scrolls sideways.
Screenshots of it, for people to look at, go to test-artifacts/screenshots/.

Browser zoom shrinks the viewport in CSS pixels and raises the device pixel
ratio: a 1280 px window at 200% is a 640 px viewport at ratio 2, which is how
these contexts emulate it. 320 px is WCAG 1.4.10's reflow width (1280 px at
400%).
"""

from playwright.sync_api import expect

from e2e.demo import SEED_PATH, PollWidget, screenshot

OVERFLOW = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.querySelectorAll("body *")].filter(element => {
        const box = element.getBoundingClientRect();
        return box.width > 0 && box.right > width + 1;
    });
    return {
        scrollWidth: document.documentElement.scrollWidth,
        width: width,
        wide: wide.slice(0, 5).map(element => element.outerHTML.slice(0, 120)),
    };
}"""


def expect_no_sideways_scrolling(page):
    layout = page.evaluate(OVERFLOW)
    assert layout["scrollWidth"] <= layout["width"], layout
    assert layout["wide"] == [], layout


def test_the_article_reflows_at_200_percent_zoom_and_at_320_px(
    site, new_context, subtests
):
    views = {
        "zoomed to 200%": {"viewport": {"width": 640, "height": 400}, "scale": 2},
        "320 px wide": {"viewport": {"width": 320, "height": 640}, "scale": 1},
    }
    for name, view in views.items():
        with subtests.test(view=name):
            page = new_context(
                viewport=view["viewport"], device_scale_factor=view["scale"]
            ).new_page()
            page.goto(SEED_PATH)
            expect_no_sideways_scrolling(page)
            poll = PollWidget(page)
            poll.answer("No")
            expect(poll.follow_up).to_be_visible()
            expect_no_sideways_scrolling(page)
            page.context.close()


def test_screenshots_of_the_article_on_a_desktop_and_a_phone(site, new_context):
    sizes = {
        "desktop": {"width": 1280, "height": 800},
        "phone": {"width": 390, "height": 844},
    }
    for name, viewport in sizes.items():
        page = new_context(viewport=viewport).new_page()
        page.goto(SEED_PATH)
        assert screenshot(page, f"article-{name}-{viewport['width']}").stat().st_size
        poll = PollWidget(page)
        poll.answer("No")
        expect(poll.follow_up).to_be_visible()
        screenshot(poll.widget, f"poll-follow-up-{name}-{viewport['width']}")
        page.context.close()
