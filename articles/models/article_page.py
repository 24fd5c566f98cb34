from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from modelcluster.fields import ParentalManyToManyField
from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    MultiFieldPanel,
    ObjectList,
    TabbedInterface,
)
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from articles import cache_tags as article_tags
from articles.blocks import ArticleStreamBlock, ReferencesStreamBlock
from articles.models.article_body import ArticleBodyMixin
from articles.models.article_queryset import ArticlePageManager
from articles.page_forms import SitePageForm
from articles.serializers import ContributorSerializer, TopicSerializer
from core import cache_tags
from core.view_restrictions import RememberedViewRestrictions
from polls.admin.panels import HelpfulnessPanel
from polls.models import PollPageMixin
from polls.voting import reader_state


class ArticlePage(RememberedViewRestrictions, ArticleBodyMixin, PollPageMixin, Page):
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
    topics = ParentalManyToManyField(
        "articles.Topic",
        blank=True,
        related_name="articles",
        help_text="The subjects readers browse by. Related articles share topics.",
    )

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
        HelpfulnessPanel(),
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("hero_image"),
        FieldPanel("topics", widget=forms.CheckboxSelectMultiple),
        FieldPanel("body"),
    ]
    # The review is recorded by approving the Clinical review, never typed:
    # an article says "Medically reviewed" only when a moderator approved it.
    review_panels = [
        MultiFieldPanel(
            [
                FieldPanel("author"),
                FieldPanel("reviewer", read_only=True),
                FieldRowPanel(
                    [
                        FieldPanel("last_reviewed", read_only=True),
                        FieldPanel("next_review_due", read_only=True),
                    ]
                ),
            ],
            heading="Authorship and medical review",
            help_text=(
                "The medical review is recorded when a moderator approves the "
                "Clinical review: who reviewed the article, when, and when it "
                "is next due."
            ),
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

    # Topics are searched with their descriptions ("pins and needles" is in
    # one). The autocomplete copies let articles.finding match word stems as
    # prefixes ("runner" finds "running"), which SQLite cannot do otherwise.
    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.AutocompleteField("summary"),
        index.SearchField("body"),
        index.AutocompleteField("body"),
        index.RelatedFields(
            "topics",
            [
                index.SearchField("name"),
                index.SearchField("description"),
                index.AutocompleteField("name"),
                index.AutocompleteField("description"),
            ],
        ),
        index.FilterField("next_review_due"),
    ]
    api_fields = [
        APIField("summary"),
        APIField("body"),
        APIField("topics", serializer=TopicSerializer(many=True)),
        APIField("author", serializer=ContributorSerializer()),
        APIField("reviewer", serializer=ContributorSerializer()),
        APIField("last_reviewed"),
        APIField("next_review_due"),
        APIField("references"),
    ]

    objects = ArticlePageManager()

    base_form_class = SitePageForm
    parent_page_types = ["articles.ArticleIndexPage"]
    subpage_types = []
    page_description = "A health article with causes, prevention and a conclusion."

    class Meta:
        verbose_name = "article"
        permissions = [
            ("view_reviews_due", "Can view the reviews-due report"),
        ]
        # Reviews due reads the articles in the order of their next review.
        indexes = [models.Index(fields=["next_review_due"], name="article_review_due")]

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

    @property
    def is_medically_reviewed(self):
        return bool(self.reviewer_id and self.last_reviewed)

    def review_status(self, today=None):
        """How the next medical review stands, in words, for editors' reports."""
        if not self.next_review_due:
            return "No review date set"
        days = (self.next_review_due - (today or timezone.localdate())).days
        if days < 0:
            return f"Overdue by {-days} day{'s' if days != -1 else ''}"
        if days == 0:
            return "Due today"
        return f"Due in {days} day{'s' if days != 1 else ''}"

    def review_is_overdue(self, today=None):
        return bool(
            self.next_review_due
            and self.next_review_due < (today or timezone.localdate())
        )

    def get_context(self, request, *args, **kwargs):
        """Everything the template needs, computed only if it renders.

        The template caches most of the page per publish (base_page.html),
        so on a cache hit none of these lists is ever built.
        """
        context = super().get_context(request, *args, **kwargs)
        cache_tags.add(request, *article_tags.for_article(self))
        sections = SimpleLazyObject(self.sections)
        topics = SimpleLazyObject(lambda: self.shown_topics(request))
        context["sections"] = sections
        context["contents"] = SimpleLazyObject(
            lambda: [section for section in sections if section.anchor]
        )
        context["topics"] = topics
        context["topic_links"] = SimpleLazyObject(
            lambda: self.topic_links(topics, request)
        )
        context["review_overdue"] = self.review_is_overdue()
        context["readers_own_page"] = reader_state.is_requested(request)
        return context

    def shown_topics(self, request):
        topics = list(self.topics.all())
        cache_tags.add(request, *article_tags.for_topics(topics))
        return topics

    def related_articles(self, topics, request, limit=3):
        related = list(ArticlePage.objects.related_to(self, topics, limit=limit))
        cache_tags.add(request, *article_tags.for_related(related, topics, limit))
        return related

    def topic_links(self, topics, request):
        section = self.get_parent().specific_deferred
        return [(topic, section.topic_url(topic, request)) for topic in topics]
