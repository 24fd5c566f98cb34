from django.urls import path

from articles.feeds import LatestArticlesFeed
from articles.views.search import SearchView

app_name = "articles"

urlpatterns = [
    path("search/", SearchView.as_view(), name="search"),
    path("feed/", LatestArticlesFeed(), name="feed"),
]
