"""Writes to articles that follow editorial rules: importing from text."""

from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import Q
from django.utils.text import slugify

from articles.models import ArticleIndexPage, ArticlePage
from articles.parsing import ParsedArticle

CREATED, UPDATED, UNCHANGED = "created", "updated", "unchanged"


class ArticleImportError(ValueError):
    """The article could not be saved; nothing was written."""


@dataclass
class ImportResult:
    page: ArticlePage
    action: str
    published: bool


def find_article_index(path=None, *, root=None):
    """The section to import into: the one at ``path``, or the only one there is."""
    sections = ArticleIndexPage.objects.all()
    if root is not None:
        sections = sections.descendant_of(root)
    if path:
        url_path = "/" + "/".join(part for part in path.split("/") if part) + "/"
        matches = [s for s in sections if s.url_path.endswith(url_path)]
        if len(matches) != 1:
            known = ", ".join(s.url_path for s in sections) or "none"
            raise ArticleImportError(
                f"no single articles section at {path!r} (sections: {known})"
            )
        return matches[0]
    sections = list(sections)
    if not sections:
        raise ArticleImportError(
            "there is no articles section yet: run `manage.py load_demo` "
            "or create an Articles page in the admin"
        )
    if len(sections) > 1:
        raise ArticleImportError(
            "there are several articles sections; choose one with --parent"
        )
    return sections[0]


@transaction.atomic
def import_article(
    parsed: ParsedArticle, *, parent: ArticleIndexPage, publish=False, **fields
):
    """Create the article, or add a revision to the one with the same title.

    Importing the same text twice writes nothing the second time. ``fields``
    sets extra attributes (author, review dates) on a new article only.
    """
    slug = slugify(parsed.title)[:255]
    if not slug:
        raise ArticleImportError(
            f"the title {parsed.title!r} has no letters or digits to make a URL from"
        )
    existing = (
        ArticlePage.objects.child_of(parent)
        .filter(Q(slug=slug) | Q(title=parsed.title))
        .first()
    )
    try:
        _validate_body(parsed)
        if existing is None:
            page = ArticlePage(
                title=parsed.title,
                slug=slug,
                summary=parsed.summary,
                body=parsed.body,
                live=False,
                **fields,
            )
            parent.add_child(instance=page)
            action = CREATED
        else:
            page = existing.get_latest_revision_as_object()
            if _same_content(page, parsed):
                action = UNCHANGED
            else:
                page.title = parsed.title
                page.summary = parsed.summary
                page.body = parsed.body
                action = UPDATED
        if action == UNCHANGED:
            revision = page.get_latest_revision()
            publish = publish and (
                not existing.live or existing.has_unpublished_changes
            )
        else:
            revision = page.save_revision(log_action=True)
        if publish:
            revision.publish()
    except ValidationError as error:
        raise ArticleImportError(_describe(error)) from error
    return ImportResult(
        page=ArticlePage.objects.get(pk=page.pk), action=action, published=publish
    )


def _same_content(page, parsed):
    new_body = [{"type": name, "value": value} for name, value in parsed.body]
    return (
        page.title == parsed.title
        and page.summary == parsed.summary
        and _without_ids(page.body.get_prep_value()) == new_body
    )


def _without_ids(data):
    """Stream data without block ids, so equal content compares equal.

    List items saved by Wagtail are ``{"type": "item", "value": ..., "id": ...}``;
    they are unwrapped to their value, the form the parser produces.
    """
    if isinstance(data, dict):
        if data.get("type") == "item" and "value" in data:
            return _without_ids(data["value"])
        return {key: _without_ids(value) for key, value in data.items() if key != "id"}
    if isinstance(data, list):
        return [_without_ids(item) for item in data]
    return data


def _validate_body(parsed):
    """Check the body against the blocks' own rules (lengths, counts, URLs)."""
    stream_block = ArticlePage.body.field.stream_block
    value = stream_block.to_python(
        [{"type": name, "value": value} for name, value in parsed.body]
    )
    try:
        stream_block.clean(value)
    except ValidationError as error:
        problems = list(_block_problems(error.as_json_data(), "body"))
        raise ArticleImportError("; ".join(problems)) from error


def _block_problems(data, where):
    """Flatten Wagtail's nested block errors into "where: message" lines."""
    for message in data.get("messages", []):
        yield f"{where}: {message}"
    for key, child in data.get("blockErrors", {}).items():
        label = f"block {key + 1}" if isinstance(key, int) else key
        yield from _block_problems(child, f"{where} › {label}")


def _describe(error):
    if hasattr(error, "message_dict"):
        return "; ".join(
            f"{field}: {' '.join(str(m) for m in messages)}"
            for field, messages in error.message_dict.items()
        )
    return " ".join(error.messages)
