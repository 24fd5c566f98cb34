from dataclasses import dataclass

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Count, Q
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from articles.page_forms import SitePageForm

from .article_page import ArticlePage
from .topic import Topic


@dataclass(frozen=True)
class TopicLink:
    """A topic as the index's topic filter shows it."""

    topic: Topic
    url: str
    current: bool


class ArticleIndexPage(RoutablePageMixin, Page):
    """The section that holds articles and lists them, newest first.

    Each topic has its own page under the section (``topics/<slug>/``): the
    index filtered to that topic, with the topic's name and description.
    """

    introduction = models.TextField(
        blank=True,
        max_length=500,
        help_text="A sentence or two shown above the list of articles.",
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction")]

    base_form_class = SitePageForm
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

    def get_topics(self):
        """Topics that have at least one published article in this section."""
        return Topic.objects.filter(
            articles__in=self.get_articles().values("pk")
        ).distinct()

    def topic_url(self, topic, request=None):
        return self.get_url(request) + self.reverse_subpage("topic", args=[topic.slug])

    def get_cached_paths(self):
        """Every page of the section and of each topic page, for CDN purges.

        A new article shifts every later article one place on, so each
        ``?page=N`` changes, and one more page than the articles fill covers
        the page that disappears when an article leaves.
        """
        paths = self.paginated_paths("/", self.get_articles().count())
        topics = Topic.objects.annotate(
            live=Count("articles", filter=Q(articles__in=self.get_articles()))
        )
        for slug, count in topics.values_list("slug", "live"):
            path = "/" + self.reverse_subpage("topic", args=[slug])
            paths += self.paginated_paths(path, count)
        return paths

    def paginated_paths(self, path, count):
        pages = count // self.articles_per_page + 1
        return [path] + [f"{path}?page={n}" for n in range(2, pages + 1)]

    def topic_full_url(self, topic, request=None):
        return self.get_full_url(request) + self.reverse_subpage(
            "topic", args=[topic.slug]
        )

    def paginate(self, request, queryset):
        paginator = Paginator(queryset, self.articles_per_page)
        try:
            return paginator.page(request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage) as error:
            raise Http404("There is no such page of articles.") from error

    def get_context(self, request, *args, topic=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = self.get_articles()
        if topic is not None:
            articles = articles.filter(topics=topic)
            context["canonical_url"] = self.topic_full_url(topic, request)
            context["extra_crumbs"] = [(topic.name, None)]
        context["topic"] = topic
        context["topic_links"] = [
            TopicLink(item, self.topic_url(item, request), item == topic)
            for item in self.get_topics()
        ]
        context["articles"] = self.paginate(request, articles)
        return context

    @path("")
    def all_articles(self, request):
        """Every article; ``?topic=<slug>`` (a filter form's GET) goes to its page."""
        slug = request.GET.get("topic")
        if slug:
            topic = get_object_or_404(Topic, slug=slug)
            return redirect(self.topic_url(topic, request))
        return self.render(request)

    @path("topics/<slug:slug>/", name="topic")
    def topic(self, request, slug):
        topic = get_object_or_404(Topic, slug=slug)
        return self.render(request, topic=topic)

    def get_sitemap_urls(self, request=None):
        urls = super().get_sitemap_urls(request)
        urls.extend(
            {"location": self.topic_full_url(topic, request)}
            for topic in self.get_topics()
        )
        return urls
