"""The editor's accessibility checker, tuned for health articles.

Wagtail's checker stays on (in the page editor and the user bar); this adds
axe-core rules that article pages must pass: one h1, headings in order, lists
made of list items, alternative text on images and readable contrast.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.userbar import ContentCheckerItem

EXTRA_RULES = {
    "page-has-heading-one": {
        "error_name": _("The page has no main heading"),
        "help_text": _("The article title should be the only level 1 heading"),
    },
    "image-alt": {
        "error_name": _("Image has no alternative text"),
        "help_text": _("Describe what the image shows, or mark it decorative"),
    },
    "list": {
        "error_name": _("List contains something that is not a list item"),
        "help_text": _("Use the list buttons rather than typed numbers or dashes"),
    },
    "listitem": {
        "error_name": _("List item outside a list"),
        "help_text": _("Use the list buttons rather than typed numbers or dashes"),
    },
    "color-contrast": {
        "error_name": _("Text is hard to read against its background"),
        "help_text": _("Readers with low vision need stronger contrast"),
    },
}


class ArticleContentCheckerItem(ContentCheckerItem):
    axe_run_only = [*ContentCheckerItem.axe_run_only, *EXTRA_RULES]
    axe_messages = {**ContentCheckerItem.axe_messages, **EXTRA_RULES}


def with_article_checks(items):
    """``items`` with Wagtail's checker swapped for the article one, in place."""
    for position, item in enumerate(items):
        if isinstance(item, ContentCheckerItem) and not isinstance(
            item, ArticleContentCheckerItem
        ):
            items[position] = ArticleContentCheckerItem(in_editor=item.in_editor)
    return items
