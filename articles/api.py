"""The read-only headless API: published articles with their governance fields."""

from wagtail.api.v2.views import PagesAPIViewSet

from articles.models import ArticlePage


class ArticlesAPIViewSet(PagesAPIViewSet):
    """``/api/v2/articles/``: live, public articles of the requested site only.

    Wagtail's base queryset already drops drafts, unpublished and restricted
    pages; ``?type=`` is ignored, so the endpoint never serves another page type.
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
        return (
            ArticlePage.objects.filter(
                pk__in=self.get_base_queryset().values_list("pk", flat=True)
            )
            .select_related("author", "reviewer")
            .prefetch_related("topics")
        )
