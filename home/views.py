from django.http import HttpResponse
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.http import require_GET
from wagtail.models import Site


@require_GET
def robots_txt(request):
    """Crawlers may read everything public; the sitemap lists it."""
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    body = render_to_string(
        "home/robots.txt", {"sitemap_url": root + reverse("sitemap")}
    )
    return HttpResponse(body, content_type="text/plain; charset=utf-8")
