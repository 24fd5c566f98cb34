from django.conf import settings
from django.urls import path
from django.views.decorators.cache import cache_control

from articles.feeds import LatestArticlesFeed
from articles.views.related import related_articles
from articles.views.search import SearchView

app_name = "articles"

urlpatterns = [
    path("search/", SearchView.as_view(), name="search"),
    path("related/<int:page_id>/", related_articles, name="related"),
    path(
        "feed/",
        cache_control(public=True, max_age=settings.PAGE_MAX_AGE)(LatestArticlesFeed()),
        name="feed",
    ),
]
