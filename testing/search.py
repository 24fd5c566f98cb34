"""Reading the site's search page as a reader sees it."""

from bs4 import BeautifulSoup
from django.urls import reverse

SEARCH_URL = reverse("articles:search")


def search_results(response):
    """The links of a search page's results, in order."""
    html = BeautifulSoup(response.content, "html.parser")
    found = html.select("[aria-labelledby=results-heading] .search-result__title a")
    return [a["href"] for a in found]
