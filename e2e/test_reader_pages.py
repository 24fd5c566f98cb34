"""Search as readers type, the site's general pages, print and the breadcrumb,
in the browser at a phone's and a desktop's width. Screenshots go to
test-artifacts/screenshots/ (reader-*.png)."""

from playwright.sync_api import expect

from e2e.axe import PUBLIC_TAGS
from e2e.demo import SEED_PATH, SEED_TITLE, screenshot

SIZES = {
    "phone": {"width": 390, "height": 844},
    "desktop": {"width": 1280, "height": 800},
}
GENERAL_PAGES = [
    "/about/",
    "/contact/",
    "/privacy/",
    "/accessibility/",
    "/editorial-policy/",
]


def search_from_the_header(page, words):
    page.get_by_role("searchbox", name="Search articles").fill(words)
    page.get_by_role("searchbox", name="Search articles").press("Enter")


def test_readers_words_find_the_article(site, new_context, axe, subtests):
    for name, viewport in SIZES.items():
        page = new_context(viewport=viewport).new_page()
        for words in ["pins and needles", "runner"]:
            with subtests.test(size=name, words=words):
                page.goto("/")
                search_from_the_header(page, words)
                results = page.locator("[aria-labelledby=results-heading]")
                expect(results.get_by_role("link", name=SEED_TITLE)).to_be_visible()
                expect(page.locator("input[type=search]")).to_have_count(1)
                assert axe(page, PUBLIC_TAGS) == []
        screenshot(page, f"reader-search-runner-{name}-{viewport['width']}")
        with subtests.test(size=name, words="numbb"):
            page.goto("/search/?q=numbb")
            found = page.get_by_role("link", name=SEED_TITLE)
            suggestion = page.locator(".search-suggestion a")
            if suggestion.count():  # SQLite: "Did you mean numb?"
                suggestion.click()
            expect(found).to_be_visible()
            assert axe(page, PUBLIC_TAGS) == []
        page.context.close()


def test_the_general_pages_are_in_the_footer(site, new_context, axe, subtests):
    for name, viewport in SIZES.items():
        page = new_context(viewport=viewport).new_page()
        page.goto("/")
        footer = page.get_by_role("navigation", name="About this site")
        for path in GENERAL_PAGES:
            with subtests.test(size=name, path=path):
                page.goto("/")
                footer.locator(f"a[href='{path}']").click()
                expect(page).to_have_url(site.url + path)
                expect(page.get_by_role("heading", level=1)).to_be_visible()
                assert axe(page, PUBLIC_TAGS) == []
        page.goto("/privacy/")
        screenshot(page, f"reader-privacy-{name}-{viewport['width']}")
        page.context.close()


def test_a_printout_says_where_it_came_from(site, new_context):
    page = new_context(viewport=SIZES["desktop"]).new_page()
    page.goto(SEED_PATH)
    source = page.locator(".print-source")
    expect(source).to_be_hidden()
    page.emulate_media(media="print")
    expect(source).to_be_visible()
    expect(source).to_contain_text("Printed from Health Answers")
    expect(source).to_contain_text(site.url + SEED_PATH)
    expect(source).to_contain_text("Last updated")
    expect(page.locator(".site-header")).to_be_hidden()
    screenshot(page, "reader-article-print")
    assert page.pdf()[:4] == b"%PDF"
    page.context.close()


def test_the_breadcrumb_never_starts_a_line_with_a_separator(site, new_context):
    page = new_context(viewport=SIZES["phone"]).new_page()
    page.goto(SEED_PATH)
    separators = page.evaluate(
        """() => [...document.querySelectorAll(".breadcrumbs li")].map(li => [
            getComputedStyle(li, "::before").content,
            getComputedStyle(li, "::after").content,
        ])"""
    )
    assert separators == [["none", '"›"'], ["none", '"›"'], ["none", "none"]]
    screenshot(page.locator(".breadcrumbs"), "reader-breadcrumb-phone-390")
    page.context.close()
