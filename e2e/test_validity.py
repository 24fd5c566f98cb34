"""The Nu HTML Checker finds no errors in the HTML the public pages serve."""

from articles.models import ArticlePage
from e2e.demo import SEED_PATH, TOPIC_PATH
from e2e.test_reader_pages import GENERAL_PAGES
from polls.models import Choice, Poll


def page_id():
    return ArticlePage.objects.get(url_path__endswith=SEED_PATH).pk


def poll_id():
    return Poll.objects.get(question="Was this article helpful?").pk


def test_public_pages_are_valid_html(site, nu_checker, page):
    yes = Choice.objects.get(label="Yes").pk
    no = Choice.objects.get(label="No").pk
    paths = {
        "home": "/",
        "article index": "/articles/",
        "seed article": SEED_PATH,
        "seed article, answered Yes earlier": f"{SEED_PATH}?answered={yes}",
        "seed article, follow-up open": f"{SEED_PATH}?answered={no}",
        "seed article, follow-up sent": f"{SEED_PATH}?answered={no}&follow_up=sent",
        "search": "/search/",
        "search with results": "/search/?q=numb",
        "search without results": "/search/?q=xylophone",
        "topic": TOPIC_PATH,
        "page not found": "/no-such-page/",
        "search by stem": "/search/?q=runner",
        "search with a typo": "/search/?q=numbb",
        **{f"general page {path}": path for path in GENERAL_PAGES},
        "vote refused": "/polls/vote/",
    }
    # The answered states show the reader's stored answer: give one first.
    origin = {"Origin": site.url}
    target = {"page": page_id(), "poll": poll_id()}
    page.request.post("/polls/vote/", form={**target, "choice": no}, headers=origin)
    documents = {}
    check = page.request.post(
        "/polls/follow-up/", form={**target, "comment": "x" * 1001}, headers=origin
    )
    assert check.status == 400
    documents["follow-up check page"] = check.text()
    for name, path in paths.items():
        response = page.request.get(path)
        assert response.headers["content-type"].startswith("text/html"), name
        documents[name] = response.text()

    assert nu_checker(documents) == {}
