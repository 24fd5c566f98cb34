from django.conf import settings
from django.urls import include, path
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from articles.sitemaps import sitemap_articles, sitemap_index, sitemap_pages
from config.api import api_router
from home.views import robots_txt
from polls import urls as polls_urls

urlpatterns = [
    path("admin/", include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("polls/", include(polls_urls)),
    path("api/v2/", api_router.urls),
    path("sitemap.xml", sitemap_index, name="sitemap"),
    path("sitemap-pages.xml", sitemap_pages, name="sitemap_pages"),
    path(
        "sitemap-articles-<int:number>.xml", sitemap_articles, name="sitemap_articles"
    ),
    path("robots.txt", robots_txt, name="robots_txt"),
    path("", include("articles.urls")),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

urlpatterns += [
    path("", include(wagtail_urls)),
]
