"""The sitemap: an index over files of at most ``SITEMAP_URLS_PER_FILE`` URLs.

``/sitemap.xml`` is a sitemap index listing ``/sitemap-pages.xml`` (every
live page but the articles, with each section's topic pages, through
Wagtail's sitemap and each page's own ``get_sitemap_urls``) and
``/sitemap-articles-1.xml``, ``-2``... The protocol allows 50,000 URLs a
file; 10,000 keeps each file quick to build.

Article file N holds the articles whose page id falls in the N-th block of
``SITEMAP_URLS_PER_FILE`` ids, so a file never holds more than that (gaps
left by other pages or unpublished articles only make it shorter). Finding a
file's rows is then one range of the primary key, and the index needs only
the highest id: no count and no offset, which at 100,000 articles would each
read every row on every request. A new article joins the last file. Each row
is two columns, and its address is built the way Wagtail builds it
(``wagtail_serve`` with the page's path below the site's root), with no page
object and no URL reversal per row.
"""

from django.conf import settings
from django.contrib.sitemaps import views
from django.db.models import Max
from django.http import Http404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import timezone
from django.utils.encoding import iri_to_uri
from django.views.decorators.cache import cache_control
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page

from articles import cache_tags as article_tags
from articles.models import ArticlePage
from core import cache_tags

# Sitemaps are for crawlers to read, not to list in results.
ROBOTS = {"X-Robots-Tag": "noindex, noodp, noarchive"}


class PageSitemap(Sitemap):
    """Every live, public page of the site except the articles."""

    def items(self):
        return super().items().not_type(ArticlePage)


def per_file():
    return settings.SITEMAP_URLS_PER_FILE


def site_articles(site):
    return ArticlePage.objects.live().public().descendant_of(site.root_page)


def article_file_number(page_id):
    """Which article file lists the article with this page id."""
    return page_id // per_file() + 1


def article_file_count(site):
    # From the page table alone, which both databases answer from the end of
    # its primary key: over the join of articles and pages, PostgreSQL read
    # every article for a MAX, and SQLite sorted them all for an ORDER BY.
    highest = (
        Page.objects.live()
        .public()
        .type(ArticlePage)
        .descendant_of(site.root_page)
        .aggregate(highest=Max("pk"))["highest"]
    )
    return 0 if highest is None else article_file_number(highest)


# The sitemap is the same for every reader: the page cache and CDNs keep it.
public = cache_control(public=True, max_age=settings.PAGE_MAX_AGE)


def tag_sitemap(request):
    cache_tags.add(request, cache_tags.PAGE_LIST, article_tags.TOPIC_LIST)


@public
def sitemap_index(request):
    tag_sitemap(request)
    site = PageSitemap(request).get_wagtail_site()
    files = [reverse("sitemap_pages")] + [
        reverse("sitemap_articles", args=[number])
        for number in range(1, article_file_count(site) + 1)
    ]
    return TemplateResponse(
        request,
        "articles/sitemap_index.xml",
        {"locations": [site.root_url + path for path in files]},
        content_type="application/xml",
        headers=ROBOTS,
    )


@public
def sitemap_pages(request):
    tag_sitemap(request)
    return views.sitemap(
        request, {"pages": PageSitemap(request)}, template_name="articles/sitemap.xml"
    )


@public
def sitemap_articles(request, number):
    tag_sitemap(request)
    site = PageSitemap(request).get_wagtail_site()
    if not 1 <= number <= article_file_count(site):
        raise Http404("There is no such sitemap file.")
    first = (number - 1) * per_file()
    rows = (
        site_articles(site)
        .filter(pk__gte=first, pk__lt=first + per_file())
        .order_by("pk")
        .values_list("url_path", "last_published_at")
    )
    # Each address as Wagtail's page URL would be: the site's root URL, the
    # serving view's prefix and the path below the site's root page.
    prefix = site.root_url + reverse("wagtail_serve", args=[""])
    skip = len(site.root_page.url_path)
    urls = [
        (iri_to_uri(prefix + url_path[skip:]), timezone.localdate(published))
        for url_path, published in rows
    ]
    return TemplateResponse(
        request,
        "articles/sitemap_articles.xml",
        {"urls": urls},
        content_type="application/xml",
        headers=ROBOTS,
    )
