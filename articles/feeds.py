from django.contrib.syndication.views import Feed
from wagtail.models import Site

from articles import cache_tags as article_tags
from articles.models import ArticlePage
from core import cache_tags


class LatestArticlesFeed(Feed):
    """The newest published articles of the requested site, as RSS 2.0.

    Links are the pages' full URLs, built from the Wagtail site's host name
    (Settings → Sites), the same ones the sitemap and canonical links use.
    The same for every reader, so public to the page cache and CDNs, and
    dropped when an article is published or a topic or author changes.
    """

    limit = 20

    def get_object(self, request):
        cache_tags.add(request, article_tags.NEWEST, article_tags.TOPIC_LIST)
        site = Site.find_for_request(request)
        if site is None:
            site = Site.objects.select_related("root_page").get(is_default_site=True)
        return site

    def title(self, site):
        return f"{site.site_name}: latest articles"

    def link(self, site):
        return site.root_url + "/"

    def description(self, site):
        return f"The newest health articles published on {site.site_name}."

    def items(self, site):
        articles = ArticlePage.objects.select_related("author")
        return articles.prefetch_related("topics").newest(site.root_page, self.limit)

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.summary

    def item_link(self, item):
        return item.full_url

    def item_guid(self, item):
        return item.full_url

    def item_pubdate(self, item):
        return item.first_published_at

    def item_updateddate(self, item):
        return item.last_published_at

    def item_author_name(self, item):
        return item.author.name if item.author else None

    def item_categories(self, item):
        return [topic.name for topic in item.topics.all()]
