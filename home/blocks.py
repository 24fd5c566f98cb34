"""StreamField blocks for site-wide settings."""

from wagtail import blocks

from articles.blocks import CalloutBlock, ParagraphBlock
from articles.empty_items import SkipEmptyStreamBlock


class SocialLinkBlock(blocks.StructBlock):
    label = blocks.CharBlock(
        max_length=40, help_text="The name readers see, e.g. “Mastodon”."
    )
    url = blocks.URLBlock(help_text="The full address of the profile.")

    class Meta:
        icon = "link"
        label = "Social link"
        template = "home/blocks/social_link.html"
        description = "A link to one of the site's profiles elsewhere."
        preview_value = {"label": "Mastodon", "url": "https://mastodon.social/"}


class SocialLinksStreamBlock(SkipEmptyStreamBlock):
    link = SocialLinkBlock()

    class Meta:
        max_num = 8


class HeadingBlock(blocks.CharBlock):
    """A section heading (h2) inside a standard page's body."""

    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 120)
        super().__init__(**kwargs)

    class Meta:
        icon = "title"
        label = "Heading"
        template = "home/blocks/heading.html"
        description = "A heading that starts a new section of the page."
        form_classname = "title"


class StandardStreamBlock(SkipEmptyStreamBlock):
    """The body of a standard page: plain prose with headings and callouts."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock(
        features=["bold", "italic", "link", "ol", "ul"],
        help_text="Write in short paragraphs; use a heading for each new subject.",
    )
    callout = CalloutBlock()
