from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.text import slugify
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from articles.blocks import ArticleStreamBlock, ReferencesStreamBlock
from polls.models import PollPageMixin


@dataclass(frozen=True)
class Section:
    """One body block as the page renders it, with its heading's anchor."""

    block: object
    heading: str
    anchor: str


class ArticlePage(PollPageMixin, Page):
    """A health article: structured body plus the governance a health site needs."""

    summary = models.TextField(
        max_length=300,
        help_text=(
            "One or two sentences that say what the article answers. "
            "Shown in listings, search results and as the meta description."
        ),
    )
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text="Optional image at the top of the article and in social shares.",
    )
    body = StreamField(ArticleStreamBlock())

    author = models.ForeignKey(
        "articles.Contributor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles_written",
    )
    reviewer = models.ForeignKey(
        "articles.Contributor",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles_reviewed",
        verbose_name="medically reviewed by",
        help_text="The clinician who checked the article for accuracy.",
    )
    last_reviewed = models.DateField(
        null=True, blank=True, help_text="When the content was last checked."
    )
    next_review_due = models.DateField(
        null=True,
        blank=True,
        help_text="When the content must be checked again (usually within a year).",
    )
    references = StreamField(
        ReferencesStreamBlock(),
        blank=True,
        help_text="Sources for the article's claims, in the order they are cited.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("body"),
    ]
    review_panels = [
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("reviewer"),
                FieldRowPanel(
                    [FieldPanel("last_reviewed"), FieldPanel("next_review_due")]
                ),
            ],
            heading="Authorship and medical review",
        ),
        FieldPanel("references"),
    ]
    edit_handler = TabbedInterface(
        [
            ObjectList(content_panels, heading="Content"),
            ObjectList(review_panels, heading="Review and sources"),
            ObjectList(Page.promote_panels, heading="Promote"),
            ObjectList(
                [*Page.settings_panels, *PollPageMixin.poll_panels], heading="Settings"
            ),
        ]
    )

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("next_review_due"),
    ]

    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    page_description = "A health article with causes, prevention and a conclusion."

    # Ids the page template already uses; a heading never takes one of them.
    RESERVED_ANCHORS = ("main", "contents", "references", "poll")

    class Meta:
        verbose_name = "article"

    def clean(self):
        super().clean()
        if (
            self.last_reviewed
            and self.next_review_due
            and self.next_review_due <= self.last_reviewed
        ):
            raise ValidationError(
                {"next_review_due": "The next review must come after the last one."}
            )
        if self.reviewer and not self.last_reviewed:
            raise ValidationError(
                {"last_reviewed": "Give the date of the medical review."}
            )

    @property
    def meta_description(self):
        return self.search_description or self.summary

    def sections(self):
        """The body's blocks with unique anchors for those that have a heading."""
        used = set(self.RESERVED_ANCHORS)
        sections = []
        for block in self.body:
            heading = ""
            if isinstance(block.value, dict):
                heading = block.value.get("heading") or ""
            anchor = ""
            if heading:
                base = slugify(heading) or "section"
                anchor, n = base, 2
                while anchor in used:
                    anchor, n = f"{base}-{n}", n + 1
                used.add(anchor)
            sections.append(Section(block=block, heading=heading, anchor=anchor))
        return sections

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        sections = self.sections()
        context["sections"] = sections
        context["contents"] = [section for section in sections if section.anchor]
        return context
