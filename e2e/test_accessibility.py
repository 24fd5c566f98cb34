"""axe-core finds no WCAG 2.2 A/AA violations on the public pages, in every
state of the poll, or in the editors' report."""

from e2e.axe import PUBLIC_TAGS, WCAG_TAGS
from e2e.demo import SEED_PATH, TOPIC_PATH, PollWidget, log_in

PUBLIC_PAGES = {
    "home": "/",
    "article index": "/articles/",
    "seed article": SEED_PATH,
    "search with results": "/search/?q=numb",
    "search without results": "/search/?q=xylophone",
    "topic": TOPIC_PATH,
    "page not found": "/no-such-page/",
    "search by stem": "/search/?q=runner",
    "search with a typo": "/search/?q=numbb",
    "privacy page": "/privacy/",
    "editorial policy": "/editorial-policy/",
}


def test_public_pages(site, axe, page, console, subtests):
    console.expect("status of 404")  # the "page not found" page itself
    for name, path in PUBLIC_PAGES.items():
        with subtests.test(page=name):
            page.goto(path)
            assert axe(page, PUBLIC_TAGS) == []


def test_the_article_before_and_after_voting(site, axe, page, subtests):
    page.goto(SEED_PATH)
    poll = PollWidget(page)
    with subtests.test(state="before voting"):
        assert axe(page, PUBLIC_TAGS) == []
    poll.answer("Yes")
    poll.expect_answer("Yes")
    with subtests.test(state="after answering Yes"):
        assert axe(page, PUBLIC_TAGS) == []
    poll.answer("No")
    poll.expect_answer("No")
    with subtests.test(state="follow-up form open"):
        assert axe(page, PUBLIC_TAGS) == []
    poll.tell_more("Something else", "More about shoes, please.")
    poll.result.get_by_text("Thank you for telling us more.").wait_for()
    with subtests.test(state="follow-up sent"):
        assert axe(page, PUBLIC_TAGS) == []


def test_the_helpfulness_report(site, axe, moderator, page, subtests):
    page.goto(SEED_PATH)
    PollWidget(page).answer("No")
    log_in(page, moderator, next_url="/admin/polls/helpfulness/")
    page.locator("#listing-results").get_by_role("table").wait_for()
    with subtests.test(page="report"):
        assert axe(page, WCAG_TAGS) == []
    page.get_by_role("link", name="Why Does My Leg Go Numb When I Run?").click()
    page.get_by_role("heading", level=1).wait_for()
    with subtests.test(page="the article's own report"):
        assert axe(page, WCAG_TAGS) == []
    page.goto("/admin/")
    with subtests.test(page="dashboard"):
        assert axe(page, WCAG_TAGS) == []
