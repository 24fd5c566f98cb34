"""Lighthouse, axe and the Nu HTML Checker against production, as readers get it.

The site runs as it does in production (bench/server.py): gunicorn with
``config.settings.production``, static files collected and served by
whitenoise, the page cache on, and every request carrying what the
TLS-terminating proxy in front adds (``X-Forwarded-Proto: https`` and the
reader's address, added by ``e2e/proxy.py`` as nginx would), so Django sees
HTTPS and sends its production headers.
"""

import urllib.error
import urllib.request

import pytest

from bench.server import (
    Server,
    free_port,
    prepare_site,
    site_environment,
    workspace,
)
from e2e.axe import PUBLIC_TAGS
from e2e.demo import SEED_PATH
from e2e.proxy import ForwardingProxy
from e2e.test_accessibility import PUBLIC_PAGES

# Lighthouse runs here only: readers get production, so its scores must hold
# here, and the live server serves the same pages.
MINIMUM = 95
# A machine busy with other work can slow one run's simulated load; a page
# that is really slow fails every run. Each run is printed in the summary.
RUNS = 2

# What the proxy adds, for the readiness check that goes to gunicorn itself.
PROXY_HEADERS = {"X-Forwarded-Proto": "https", "X-Real-IP": "127.0.0.1"}


@pytest.fixture(scope="module")
def production():
    """The demo site served by gunicorn with production settings, behind the
    proxy; the proxy's URL."""
    with workspace("health-production-") as folder:
        port = free_port()
        proxy = ForwardingProxy(f"http://127.0.0.1:{port}")
        env = site_environment(
            folder,
            CLIENT_ADDRESS_HEADER="HTTP_X_REAL_IP",
            BEHIND_PROXY="1",
            SECURE_SSL_REDIRECT="1",
            SECURE_COOKIES="1",
            PAGE_CACHE_ENABLED="1",
        )
        # The site's address (canonical links, the sitemap) is the proxy's.
        prepare_site(env, proxy.port)
        with Server(env, port, workers=2, headers=PROXY_HEADERS), proxy:
            yield proxy.url


def fetch(url):
    with urllib.request.urlopen(url, timeout=10) as reply:
        return reply.headers, reply.read().decode()


@pytest.fixture
def reader(browser, console, production):
    """A browser tab, reading production through the proxy."""
    context = browser.new_context(base_url=production)
    console.watch(context)
    yield context.new_page()
    context.close()


def test_it_is_production(production):
    headers, html = fetch(production + SEED_PATH)
    assert "max-age=31536000" in headers["Strict-Transport-Security"]
    assert "upgrade-insecure-requests" in headers["Content-Security-Policy"]
    again, _ = fetch(production + SEED_PATH)
    assert again["X-Page-Cache"] == "hit"
    stylesheet = html.split('rel="stylesheet" href="', 1)[1].split('"', 1)[0]
    static, _ = fetch(production + stylesheet)
    assert "immutable" in static["Cache-Control"]  # whitenoise, hashed names


@pytest.mark.parametrize("preset", ["mobile", "desktop"])
def test_lighthouse_scores_production(production, lighthouse, preset):
    url = production + SEED_PATH
    fetch(url)  # a read article is in the page cache
    for _ in range(RUNS):
        scores, shortfalls = lighthouse(url, preset, label="production")
        low = {name: score for name, score in scores.items() if score < MINIMUM}
        if not low:
            break
    assert not low, f"below {MINIMUM}: {low}; audits that fell short: {shortfalls}"


def test_axe_finds_nothing_in_production(reader, axe, console, subtests):
    console.expect("status of 404")  # the "page not found" page itself
    for name, path in PUBLIC_PAGES.items():
        with subtests.test(page=name):
            reader.goto(path)
            assert axe(reader, PUBLIC_TAGS) == []


def test_production_html_is_valid(production, nu_checker):
    paths = {**PUBLIC_PAGES, "search": "/search/", "vote refused": "/polls/vote/"}
    documents = {}
    for name, path in paths.items():
        try:
            _, documents[name] = fetch(production + path)
        except urllib.error.HTTPError as error:  # 404 and 405 pages too
            documents[name] = error.read().decode()
    assert nu_checker(documents) == {}
