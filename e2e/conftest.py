"""Browser tests: Debian's Chromium, driven by Playwright, against a live server.

Each test gets a fresh test database holding the demo content, served by
pytest-django's live server with the page, route and fragment caches on, as
readers get the site. Every page's console is watched: a Content-Security-
Policy violation, an uncaught exception or an unexpected console error
fails the test.

Without Chromium, or without the npm checkers or Java that some tests use,
the tests skip with one line saying what to install. With REQUIRE_BROWSER=1
(set by .ci/run) they fail instead: CI must run them.
"""

import functools
import io
import os
import shutil
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.contrib.auth.models import Group
from django.core.cache import caches
from django.core.management import call_command
from django.db import connections
from playwright.sync_api import Error as PlaywrightError

from e2e import axe as e2e_axe
from e2e import demo, nu
from e2e import lighthouse as e2e_lighthouse
from e2e.browser import CHROMIUM, CHROMIUM_FLAGS, ConsoleWatch
from e2e.tools import NPM_TOOLS

HERE = Path(__file__).resolve().parent
LIGHTHOUSE_SCORES = pytest.StashKey[list]()
# The live server listens on 127.0.0.1 (pytest-django's default, "localhost",
# may also mean ::1 to Chromium and Lighthouse).
os.environ.setdefault("DJANGO_LIVE_TEST_SERVER_ADDRESS", "127.0.0.1")


def pytest_collection_modifyitems(config, items):
    for item in items:
        if HERE in Path(item.path).parents:
            item.add_marker(pytest.mark.browser)


def unavailable(reason):
    """Skip the test, or fail it in CI (REQUIRE_BROWSER=1).

    Skips raised here, outside any fixture, are reported at this line, so
    pytest -ra folds all the tests skipped for one reason into one line.
    """
    if os.environ.get("REQUIRE_BROWSER") == "1":
        pytest.fail(f"REQUIRE_BROWSER=1, but {reason}", pytrace=False)
    pytest.skip(f"browser tests skipped: {reason}")


@functools.cache
def missing(requirement):
    """Why ``requirement`` is not installed here, or "" if it is."""
    if requirement == "chromium" and not Path(CHROMIUM).exists():
        return (
            f"{CHROMIUM} is missing; install Debian's chromium "
            "(apt-get install chromium) to run them"
        )
    if requirement == "npm" and not (
        shutil.which("node") and all(p.exists() for p in NPM_TOOLS)
    ):
        return (
            "the npm checkers are missing (node_modules/); install Node.js "
            "and npm, then run make test, which runs npm ci"
        )
    if requirement == "java" and not shutil.which("java"):
        return (
            "java is missing for the HTML validator; install a Java runtime "
            "(apt-get install default-jre-headless)"
        )
    return ""


# Fixtures that need more than Chromium: what they need.
REQUIREMENTS = {"axe": ["npm"], "nu_checker": ["npm", "java"], "lighthouse": ["npm"]}


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item):
    if item.get_closest_marker("browser"):
        needs = ["chromium"]
        for name in item.fixturenames:
            needs += REQUIREMENTS.get(name, [])
        for requirement in needs:
            if missing(requirement):
                unavailable(missing(requirement))
    return (yield)


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_FLAGS,
    }


@pytest.fixture(scope="session")
def django_connections():
    return {alias: connections[alias] for alias in connections}


@pytest.fixture(scope="session")
def playwright(django_connections, playwright):
    """pytest-playwright's Playwright, with Django's database connections kept.

    Starting Playwright's sync API leaves this thread in another contextvars
    context and with an event loop marked as running. Django keeps its
    connections in context-local storage, so it would open new ones, without
    the state the test database keeps on them (serialized rollback's saved
    rows): hand the same connections over. And let the ORM run, for tests
    that check what was stored.
    """
    for alias, connection in django_connections.items():
        connections[alias] = connection
    os.environ["DJANGO_ALLOW_ASYNC_UNSAFE"] = "true"
    return playwright


@pytest.fixture(scope="session")
def browser(launch_browser):
    try:
        browser = launch_browser()
    except PlaywrightError as error:
        unavailable(f"{CHROMIUM} did not start: {error.message.splitlines()[0]}")
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args, live_server):
    return {**browser_context_args, "base_url": live_server.url}


def fail_on_console_problems(watch):
    report = watch.take_report()
    if report:
        pytest.fail(f"the browser console reported:\n{report}", pytrace=False)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item):
    """Fail the test itself when a page it opened reported a problem."""
    result = yield
    watch = item.funcargs.get("console")
    if watch is not None:
        fail_on_console_problems(watch)
    return result


@pytest.fixture
def console():
    watch = ConsoleWatch()
    yield watch
    fail_on_console_problems(watch)  # what arrived after the test's last step


@pytest.fixture
def new_context(new_context, console):
    """pytest-playwright's contexts, each watched by ``console``."""

    def open_context(**kwargs):
        context = new_context(**kwargs)
        console.watch(context)
        return context

    return open_context


@pytest.fixture
def reader(new_context):
    """A reader's page, JavaScript on."""
    return new_context().new_page()


@pytest.fixture
def reader_without_js(new_context):
    """A reader's page with JavaScript off: the poll must work as plain forms."""
    return new_context(java_script_enabled=False).new_page()


@pytest.fixture
def site(browser, live_server, django_db_serialized_rollback, settings):
    """The demo site on the live server, caches on, as readers get it."""
    settings.PAGE_CACHE_ENABLED = True
    settings.ROUTE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    settings.WAGTAILADMIN_BASE_URL = live_server.url
    for cache in caches.all():
        cache.clear()
    address = urlsplit(live_server.url)
    call_command(
        "load_demo",
        "--site-host",
        address.hostname,
        "--site-port",
        str(address.port),
        stdout=io.StringIO(),
    )
    yield demo.DemoSite(live_server.url)
    for cache in caches.all():
        cache.clear()


@pytest.fixture
def moderator(django_user_model):
    """An editor in the Moderators group: may write, publish and see reports."""
    user = django_user_model.objects.create_user(
        username="maya",
        password=demo.PASSWORD,
        first_name="Maya",
        last_name="Moderator",
        email="maya@example.com",
    )
    user.groups.add(Group.objects.get(name="Moderators"))
    return user


@pytest.fixture
def editor(django_user_model):
    """An editor in the Editors group: writes articles and submits them."""
    user = django_user_model.objects.create_user(
        username="eddie",
        password=demo.PASSWORD,
        first_name="Eddie",
        last_name="Editor",
        email="eddie@example.com",
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture
def nameless_editor(django_user_model):
    """An editor whose account has no first or last name, as older ones have."""
    user = django_user_model.objects.create_user(
        username="noname", password=demo.PASSWORD, email="noname@example.com"
    )
    user.groups.add(Group.objects.get(name="Editors"))
    return user


@pytest.fixture(scope="session")
def axe():
    """``axe(page, tags)``: axe-core's violations on the page as it is now."""
    return e2e_axe.violations


@pytest.fixture(scope="session")
def nu_checker():
    """``nu_checker({name: html})``: the Nu HTML Checker's errors per page."""
    return nu.errors


@pytest.fixture(scope="session")
def lighthouse(pytestconfig):
    """``lighthouse(url, preset)``: Lighthouse's scores and shortfalls.

    Every score is also kept for the summary at the end of the run.
    """

    def audit(url, preset, label=""):
        report = f"{label}-{preset}" if label else preset
        scores, shortfalls = e2e_lighthouse.audit(url, preset, report)
        line = ", ".join(f"{name} {score}" for name, score in scores.items())
        pytestconfig.stash.setdefault(LIGHTHOUSE_SCORES, []).append(
            f"{preset:>8} {label or 'live server':>11} {url}: {line}"
        )
        return scores, shortfalls

    return audit


def pytest_terminal_summary(terminalreporter):
    """Print the Lighthouse scores the run measured, passed or not."""
    scores = terminalreporter.config.stash.get(LIGHTHOUSE_SCORES, [])
    if scores:
        terminalreporter.section("Lighthouse")
        for line in scores:
            terminalreporter.write_line(line)
