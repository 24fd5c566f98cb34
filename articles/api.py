"""The read-only headless API: published articles with their governance fields."""

from wagtail.api.v2.views import PagesAPIViewSet
from wagtail.models import Site

from articles.models import ArticlePage


class ArticlesAPIViewSet(PagesAPIViewSet):
    """``/api/v2/articles/``: live, public articles of the requested site only.

    Drafts, unpublished and restricted pages are never served; ``?type=`` is
    ignored, so the endpoint never serves another page type.
    """

    model = ArticlePage
    listing_default_fields = [
        *PagesAPIViewSet.listing_default_fields,
        "summary",
        "topics",
        "last_reviewed",
        "next_review_due",
    ]

    def get_queryset(self):
        """Live, public articles under the requested site's root.

        Asked of the article table with the site's root as a path prefix,
        where Wagtail's default first lists the ids of every visible page of
        any type and matches the articles against them: at 100,000 articles
        that list was most of each request.
        """
        articles = ArticlePage.objects.live().public()
        site = Site.find_for_request(self.request)
        if site is not None:
            articles = articles.filter(path__startswith=site.root_page.path)
        return articles.select_related("author", "reviewer").prefetch_related("topics")
