from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from articles.page_forms import SitePageForm
from core.view_restrictions import RememberedViewRestrictions
from home.blocks import StandardStreamBlock


class StandardPage(RememberedViewRestrictions, Page):
    """A general page of the site: About, Contact, Privacy and the like.

    Not an article: no review dates, no poll, no topics. Pages marked "Show
    in footer" are linked from every page's footer.
    """

    introduction = models.TextField(
        blank=True,
        max_length=300,
        help_text="One or two sentences that say what the page is for.",
    )
    body = StreamField(StandardStreamBlock())
    show_in_footer = models.BooleanField(
        default=False,
        help_text="Link to this page from the footer of every page.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        FieldPanel("body"),
    ]
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel([FieldPanel("show_in_footer")], heading="Footer"),
    ]
    search_fields = [
        *Page.search_fields,
        index.SearchField("introduction"),
        index.SearchField("body"),
    ]

    base_form_class = SitePageForm
    parent_page_types = ["home.HomePage"]
    subpage_types = []
    page_description = "A general page such as About, Contact or Privacy."

    class Meta:
        verbose_name = "standard page"

    @property
    def meta_description(self):
        return self.search_description or self.introduction

    def anchored_body(self):
        """The body's blocks with an id for each heading, unique on the page."""
        used = {"main"}
        blocks = []
        for block in self.body:
            anchor = ""
            if block.block_type == "heading":
                base = slugify(block.value) or "section"
                anchor, n = base, 2
                while anchor in used:
                    anchor, n = f"{base}-{n}", n + 1
                used.add(anchor)
            blocks.append((block, anchor))
        return blocks
