"""Builders for the site's pages: small functions, one page per call.

Shared by every app's tests (and the browser tests), so no app's tests import
another app's tests. polls, which is reusable, keeps its own in ``polls.testing``.
"""

from django.utils.text import slugify
from wagtail.models import Site
from wagtail.rich_text import RichText
from wagtail.test.utils.form_data import (
    inline_formset,
    nested_form_data,
    rich_text,
    streamfield,
)

from articles.models import ArticleIndexPage, ArticlePage
from home.models import StandardPage

CAUSE_TITLES = ["Compression of nerves", "Poor blood flow", "Muscular imbalances"]


def site_root():
    return Site.objects.get(is_default_site=True).root_page.specific


def causes_block(titles=CAUSE_TITLES, heading="Common causes"):
    return (
        "causes",
        {
            "heading": heading,
            "causes": [
                {"title": title, "explanation": RichText(f"<p>About {title}.</p>")}
                for title in titles
            ],
        },
    )


def default_body():
    return [
        ("paragraph", RichText("<p>An introduction.</p>")),
        causes_block(),
        (
            "prevention",
            {
                "heading": "Prevention",
                "text": RichText("<p>Warm up first.</p>"),
                "tips": ["Stretch", "Drink water"],
            },
        ),
        ("conclusion", {"heading": "Conclusion", "text": RichText("<p>Done.</p>")}),
    ]


def make_index(parent=None, title="Articles", slug="articles", **fields):
    parent = parent or site_root()
    index = ArticleIndexPage(title=title, slug=slug, **fields)
    parent.add_child(instance=index)
    return index


def make_standard_page(title="About us", parent=None, **fields):
    """A published general page under the site root (About, Privacy...)."""
    fields.setdefault("slug", slugify(title))
    page = StandardPage(title=title, live=False, **fields)
    (parent or site_root()).add_child(instance=page)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_article(parent, title="A test article", publish=True, **fields):
    fields.setdefault("summary", f"What {title.lower()} is about.")
    fields.setdefault("body", default_body())
    fields.setdefault("slug", slugify(title))
    article = ArticlePage(title=title, live=False, **fields)
    parent.add_child(instance=article)
    revision = article.save_revision()
    if publish:
        revision.publish()
        article.refresh_from_db()
    return article


def _cause_items(causes):
    return [
        (
            "item",
            {"title": cause, "explanation": rich_text(f"<p>About {cause}.</p>")},
        )
        for cause in causes
    ]


def article_form_data(
    title="Why do my feet tingle?", causes=("Cold", "Tight shoes"), empty_parts=False
):
    """POST data for the article editor, as the admin's JavaScript would send it.

    ``empty_parts`` adds what an editor adds and leaves empty: a paragraph, a
    cause, a prevention block's tip, a callout, an image and a reference.
    """
    body = [
        ("paragraph", rich_text("<p>Introduction.</p>")),
        (
            "causes",
            {
                "heading": "Causes",
                "causes": streamfield(
                    _cause_items(causes)
                    + (
                        [("item", {"title": "", "explanation": rich_text("")})]
                        * empty_parts
                    )
                ),
            },
        ),
    ]
    references = []
    if empty_parts:
        body += [
            ("paragraph", rich_text("")),
            (
                "prevention",
                {
                    "heading": "",
                    "text": rich_text("<p>Warm up first.</p>"),
                    "tips": streamfield([("item", "Stretch"), ("item", "")]),
                },
            ),
            ("callout", {"level": "info", "text": rich_text("")}),
            ("image", {"image": "", "alt_text": "", "caption": ""}),
        ]
        references = [("reference", {"title": "", "url": ""})]
    return nested_form_data(
        {
            "title": title,
            "slug": slugify(title),
            "summary": f"The usual reasons for this: {title}",
            "body": streamfield(body),
            "references": streamfield(references),
        }
    )


def home_form_data(home, introduction, featured=()):
    """POST data for the home page's editor, as the admin's JavaScript sends it.

    ``None`` in ``featured`` is a row the editor added and chose nothing in.
    """
    return nested_form_data(
        {
            "title": home.title,
            "slug": home.slug,
            "introduction": rich_text(f"<p>{introduction}</p>"),
            "featured_articles": inline_formset(
                [{"article": article.pk if article else ""} for article in featured]
            ),
        }
    )
