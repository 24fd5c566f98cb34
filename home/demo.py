"""The demo site: Home → Articles → the seed article, built idempotently."""

from pathlib import Path

from django.apps import apps
from django.utils.text import slugify
from wagtail.models import Site

from articles.governance import govern_article_sections
from articles.models import ArticleIndexPage, Contributor, Topic
from articles.parsing import decode, parse_article
from articles.services import import_article
from home.demo_feedback import add_demo_feedback
from home.demo_pages import load_standard_pages
from home.models import HomePage

DEMO_CONTENT = Path(__file__).resolve().parent / "demo_content"
SITE_NAME = "Health Answers"
HOME_INTRODUCTION = (
    "<p>Plain answers to everyday health questions. "
    "Tell us at the end of each article whether it helped.</p>"
)
# What earlier versions wrote: it promised a medical review that no demo
# article has, so re-running load_demo replaces it (and nothing an editor wrote).
UNTRUE_INTRODUCTION = (
    "<p>Clear, medically reviewed answers to everyday health questions. "
    "Tell us at the end of each article whether it helped.</p>"
)
INDEX_INTRODUCTION = "Answers to common health questions, newest first."
EDITORIAL_TEAM = "Health Answers editorial team"
TOPICS = {
    "Exercise and fitness": "Staying active safely: warming up, training and the "
    "aches, pains and odd sensations that come with exercise.",
    "Nerves and numbness": "Tingling, pins and needles and numbness: what causes "
    "them and when they need a doctor.",
}
# The topics of each demo article, by the article's slug.
ARTICLE_TOPICS = {
    "why-does-my-leg-go-numb-when-i-run": [
        "Exercise and fitness",
        "Nerves and numbness",
    ]
}


def load_demo(*, site_host=None, site_port=None, feedback=False):
    """Create what is missing and report each step; existing content is left alone.

    ``feedback`` also gives the seed article demo answers around a demo edit
    (``home.demo_feedback``), for the feedback reports.
    """
    site = Site.objects.get(is_default_site=True)
    yield from _configure_site(site, site_host, site_port)
    home = site.root_page.specific
    if not isinstance(home, HomePage):
        raise RuntimeError(
            f"the default site's root page is a {type(home).__name__}, not a HomePage"
        )
    yield from _introduce_home(home)
    index, created = _article_index(home)
    yield f"{'Created' if created else 'Kept'} the Articles section at {index.url_path}"
    govern_article_sections(apps, [index])

    author, _ = Contributor.objects.get_or_create(
        name=EDITORIAL_TEAM, defaults={"role": "Health editors"}
    )
    files = sorted(DEMO_CONTENT.glob("*.txt"))
    for position, path in enumerate(files, start=1):
        parsed = parse_article(decode(path.read_bytes()))
        result = import_article(parsed, parent=index, publish=True, author=author)
        yield f"[{position}/{len(files)}] {result.action.capitalize()} “{parsed.title}”"
        yield from _tag_with_topics(result.page)
        if feedback:
            yield from add_demo_feedback(result.page)
    yield from load_standard_pages(home)


def _tag_with_topics(article):
    """Give a demo article its topics; publish a revision only if some are missing."""
    names = ARTICLE_TOPICS.get(article.slug, [])
    wanted = [
        Topic.objects.get_or_create(
            name=name, defaults={"slug": slugify(name), "description": TOPICS[name]}
        )[0]
        for name in names
    ]
    if set(wanted) <= set(article.topics.all()):
        return
    latest = article.get_latest_revision_as_object()
    latest.topics = sorted({*latest.topics.all(), *wanted}, key=lambda t: t.name)
    latest.save_revision(log_action=True).publish()
    yield f"    Filed under {', '.join(names)}"


def _configure_site(site, host, port):
    changed = False
    if host and site.hostname != host:
        site.hostname, changed = host, True
    if port and site.port != port:
        site.port, changed = port, True
    if site.site_name != SITE_NAME:
        site.site_name, changed = SITE_NAME, True
    if changed:
        site.save()
        yield f"Default site is now {site.root_url}"


def _introduce_home(home):
    if home.introduction and home.introduction != UNTRUE_INTRODUCTION:
        return
    home.introduction = HOME_INTRODUCTION
    home.save_revision(log_action=True).publish()
    yield "Wrote the home page introduction"


def _article_index(home):
    existing = ArticleIndexPage.objects.child_of(home).filter(slug="articles").first()
    if existing:
        return existing, False
    index = ArticleIndexPage(
        title="Articles",
        slug="articles",
        introduction=INDEX_INTRODUCTION,
        show_in_menus=True,
        live=False,
    )
    home.add_child(instance=index)
    index.save_revision(log_action=True).publish()
    return index, True
