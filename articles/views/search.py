from dataclasses import dataclass

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Q
from django.http import Http404
from django.utils.http import urlencode
from django.views.generic import TemplateView
from wagtail.contrib.search_promotions.models import Query
from wagtail.models import Site

from articles.finding import find_articles
from articles.highlighting import (
    contains_term,
    excerpt,
    highlight,
    query_terms,
    stream_text,
)
from articles.models import ArticleIndexPage, ArticlePage

MAX_QUERY_LENGTH = 200


@dataclass(frozen=True)
class SearchResult:
    page: ArticlePage
    title: str
    excerpt: str


class SearchView(TemplateView):
    """Search published articles: editors' promoted results first, then matches.

    A GET form, so results pages can be linked to and cached; it holds nothing
    specific to the reader.
    """

    template_name = "articles/search.html"
    results_per_page = 10

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        request = self.request
        query = " ".join(request.GET.get("q", "").split())[:MAX_QUERY_LENGTH]
        site = Site.find_for_request(request)
        context.update(search_query=query, topic_links=self.topic_links(site))
        if not query:
            return context
        promotions = self.promotions(query)
        articles = self.articles(site).exclude(
            pk__in=[p.page_id for p in promotions if p.page_id]
        )
        found = find_articles(articles, query)
        results = self.paginate(found.page_ids)
        pages = articles.in_bulk(results.object_list)
        results.object_list = [pages[pk] for pk in results.object_list if pk in pages]
        terms = query_terms(" ".join(found.terms))
        context.update(
            promotions=promotions,
            results=results,
            many=found.many,
            approximate=found.approximate,
            suggestion=found.suggestion,
            suggestion_query=urlencode({"q": found.suggestion}),
            highlighted=[self.highlight(page, terms) for page in results],
            query_prefix=urlencode({"q": query}) + "&",
        )
        return context

    def articles(self, site):
        articles = ArticlePage.objects.live().public()
        if site is not None:
            articles = articles.descendant_of(site.root_page)
        return articles

    def promotions(self, query):
        """The editors' picks for this query, counting the search as a hit."""
        search_query = Query.get(query)
        search_query.add_hit()
        return list(
            search_query.editors_picks.filter(Q(page__isnull=True) | Q(page__live=True))
            .select_related("page")
            .order_by("sort_order")
        )

    def paginate(self, results):
        paginator = Paginator(results, self.results_per_page)
        try:
            return paginator.page(self.request.GET.get("page", 1))
        except (PageNotAnInteger, EmptyPage) as error:
            raise Http404("There is no such page of results.") from error

    @staticmethod
    def highlight(page, terms):
        """The title and an excerpt, terms marked; the excerpt comes from the
        summary, or from the body when only the body matched."""
        text = page.summary
        if not contains_term(page.title + " " + text, terms):
            body = stream_text(list(page.body.raw_data))
            if contains_term(body, terms):
                text = body
        return SearchResult(page, highlight(page.title, terms), excerpt(text, terms))

    def topic_links(self, site):
        """The first articles section's topics, to browse when nothing matches."""
        if site is None:
            return []
        section = ArticleIndexPage.objects.live().descendant_of(site.root_page).first()
        if section is None:
            return []
        return [
            (topic, section.topic_url(topic, self.request))
            for topic in section.get_topics()
        ]
