"""StreamField blocks for site-wide settings."""

from wagtail import blocks


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


class SocialLinksStreamBlock(blocks.StreamBlock):
    link = SocialLinkBlock()

    class Meta:
        max_num = 8
