from django.db import models
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page

from articles import cache_tags as article_tags
from articles.models import ArticlePage
from core import cache_tags
from core.view_restrictions import RememberedViewRestrictions
from home.choosers import live_article_chooser_viewset
from home.forms import HomePageForm


class HomePage(RememberedViewRestrictions, Page):
    """The front page: an introduction, editors' picks and the latest articles."""

    introduction = RichTextField(
        blank=True,
        features=["bold", "italic", "link"],
        help_text="A short welcome that says what the site is for.",
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("introduction"),
        InlinePanel(
            "featured_articles",
            label="Featured article",
            max_num=6,
            help_text=(
                "Published articles to highlight at the top of the home page, "
                "in order. A row left without an article is dropped."
            ),
        ),
    ]
    base_form_class = HomePageForm

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["articles.ArticleIndexPage", "home.StandardPage"]
    max_count = 1
    page_description = "The front page of the site. There is only one."

    latest_count = 6

    def get_featured_articles(self):
        links = (
            HomePageFeaturedArticle.objects.filter(
                home_page=self, article__in=ArticlePage.objects.live().public()
            )
            .select_related("article", "article__hero_image")
            .order_by("sort_order")
        )
        return [link.article for link in links]

    def get_latest_articles(self, exclude=()):
        return ArticlePage.objects.select_related("hero_image").newest(
            self, self.latest_count, exclude=[page.pk for page in exclude]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured = self.get_featured_articles()
        cache_tags.add(
            request,
            article_tags.NEWEST,
            *(cache_tags.page(article.pk) for article in featured),
        )
        context["featured_articles"] = featured
        context["latest_articles"] = self.get_latest_articles(exclude=featured)
        return context


class HomePageFeaturedArticle(Orderable):
    home_page = ParentalKey(
        HomePage, on_delete=models.CASCADE, related_name="featured_articles"
    )
    article = models.ForeignKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("article", widget=live_article_chooser_viewset.widget_class)]

    class Meta(Orderable.Meta):
        verbose_name = "featured article"
        verbose_name_plural = "featured articles"

    def __str__(self):
        return self.article.title
