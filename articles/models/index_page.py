from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.http import Http404
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from .article_page import ArticlePage


class ArticleIndexPage(Page):
    """The section that holds articles and lists them, newest first."""

    introduction = models.TextField(
        blank=True,
        max_length=500,
        help_text="A sentence or two shown above the list of articles.",
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]
    page_description = "A section of the site that lists its articles."

    articles_per_page = 10

    def get_articles(self):
        return (
            ArticlePage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .order_by("-first_published_at", "-pk")
        )

    def paginate(self, request, queryset):
        paginator = Paginator(queryset, self.articles_per_page)
        try:
            return paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage) as error:
            raise Http404("There is no such page of articles.") from error

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["articles"] = self.paginate(request, self.get_articles())
        return context
