from dataclasses import dataclass, replace

from django.db import models
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from articles import cache_tags as article_tags
from articles.page_forms import SitePageForm
from articles.paging import listing_page
from core import cache_tags
from core.view_restrictions import RememberedViewRestrictions

from .article_page import ArticlePage
from .topic import Topic


@dataclass(frozen=True)
class TopicLink:
    """A topic as the index's topic filter shows it."""

    topic: Topic
    url: str
    current: bool


class ArticleIndexPage(RememberedViewRestrictions, RoutablePageMixin, Page):
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
        """Published articles, newest first."""
        return (
            ArticlePage.objects.child_of(self)
            .live()
            .public()
            .select_related("hero_image")
            .order_by("-first_published_at", "-pk")
        )

    def listed_ids(self, topic=None):
        """The ids of the published articles a listing shows, newest first.

        Asked of Wagtail's page table alone, ordered by its own columns, so
        the database walks its index of publication dates and stops at the
        page's last row, where a query on the article table sorts every
        article of the section first (Django names the article's own key in
        ORDER BY, which no index of the page table holds). The children are
        named by path and depth alone: ``child_of`` also asks for a range of
        depths, which leads SQLite to read every page of that depth instead.
        """
        ids = Page.objects.filter(path__startswith=self.path, depth=self.depth + 1)
        ids = ids.live().public()
        if topic is not None:
            ids = ids.filter(articlepage__topics=topic)
        return ids.order_by("-first_published_at", "-id").values_list("id", flat=True)

    def get_topics(self):
        """Topics with at least one published article, for the topic filter.

        Counted over the whole site, not this section: one EXISTS per topic
        stops at the topic's first published article, where a per-section
        check would read every article of a topic the section lacks. It
        starts from the topic's links, so the database reads them by topic
        (from the articles, PostgreSQL hashed every page first).
        """
        published_links = ArticlePage.topics.through.objects.filter(
            topic=OuterRef("pk"), articlepage__live=True
        ).exclude(articlepage__in=ArticlePage.objects.not_public())
        return Topic.objects.filter(Exists(published_links))

    def topic_url(self, topic, request=None):
        return self.get_url(request) + self.reverse_subpage("topic", args=[topic.slug])

    def get_cached_paths(self, topics=None):
        """Every page of the section's listing and of its topic pages, for
        CDN purges: of ``topics`` only, if given.

        A new article shifts every later article one place on, so each
        ``?page=N`` changes, and one more page than the articles fill covers
        the page that disappears when an article leaves.
        """
        articles = self.get_articles()
        paths = self.paginated_paths("/", articles.count())
        if topics is None:
            topics = Topic.objects.all()
        for topic in topics:
            path = "/" + self.reverse_subpage("topic", args=[topic.slug])
            paths += self.paginated_paths(path, articles.filter(topics=topic).count())
        return paths

    def paginated_paths(self, path, count):
        pages = count // self.articles_per_page + 1
        return [path] + [f"{path}?page={n}" for n in range(2, pages + 1)]

    def topic_full_url(self, topic, request=None):
        return self.get_full_url(request) + self.reverse_subpage(
            "topic", args=[topic.slug]
        )

    def paginate(self, request, ids):
        """One page of the listing, its articles loaded in one query."""
        page = listing_page(ids, request.GET.get("page"), self.articles_per_page)
        articles = ArticlePage.objects.select_related("hero_image").in_bulk(
            page.object_list
        )
        return replace(page, object_list=[articles[pk] for pk in page.object_list])

    def get_context(self, request, *args, topic=None, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if topic is None:
            cache_tags.add(request, cache_tags.children(self.pk))
        else:
            cache_tags.add(request, article_tags.filed(topic.pk))
            context["canonical_url"] = self.topic_full_url(topic, request)
            context["extra_crumbs"] = [(topic.name, None)]
        context["topic"] = topic
        context["topic_links"] = [
            TopicLink(item, self.topic_url(item, request), item == topic)
            for item in self.get_topics()
        ]
        cache_tags.add(
            request,
            article_tags.TOPIC_LIST,
            *(article_tags.topic(link.topic.pk) for link in context["topic_links"]),
        )
        context["articles"] = self.paginate(request, self.listed_ids(topic))
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
