"""The Nu HTML Checker finds no errors in the HTML the public pages serve."""

from e2e.demo import SEED_PATH, TOPIC_PATH
from e2e.test_reader_pages import GENERAL_PAGES
from polls.models import Choice


def test_public_pages_are_valid_html(site, nu_checker, page):
    yes = Choice.objects.get(label="Yes").pk
    no = Choice.objects.get(label="No").pk
    paths = {
        "home": "/",
        "article index": "/articles/",
        "seed article": SEED_PATH,
        "seed article, answered Yes": f"{SEED_PATH}?answered={yes}",
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
    documents = {}
    for name, path in paths.items():
        response = page.request.get(path)
        assert response.headers["content-type"].startswith("text/html"), name
        documents[name] = response.text()

    assert nu_checker(documents) == {}
