"""Share cards (Open Graph, Twitter) and structured data for any page."""

from django import template
from wagtail.models import Site

from articles.structured_data import json_ld, medical_web_page
from home.models import SiteSettings

register = template.Library()

SHARE_RENDITION = "fill-1200x630|format-jpeg"


def share_image(request, page):
    """The page's own image, else the site's default one, as a 1200×630 JPEG.

    Kept on the request so the share card and the structured data, which both
    need it, fetch the rendition once.
    """
    if not hasattr(request, "_share_image"):
        image = getattr(page, "hero_image", None)
        if image is None:
            image = SiteSettings.for_request(request).default_share_image
        rendition = image.get_rendition(SHARE_RENDITION) if image else None
        request._share_image = rendition
    return request._share_image


def absolute(request, url):
    if url.startswith(("http://", "https://")):
        return url
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    return root + url


@register.inclusion_tag("includes/social_meta.html", takes_context=True)
def social_meta(context):
    request, page = context["request"], context.get("page")
    rendition = share_image(request, page)
    return {
        "image_url": absolute(request, rendition.url) if rendition else "",
        "image": rendition,
        "image_alt": getattr(rendition, "alt", "") if rendition else "",
    }


@register.simple_tag(takes_context=True)
def article_structured_data(context, page):
    request = context["request"]
    rendition = share_image(request, page)
    site = Site.find_for_request(request)
    return json_ld(
        medical_web_page(
            page,
            url=page.get_full_url(request),
            topics=context.get("topics", ()),
            image_url=absolute(request, rendition.url) if rendition else None,
            publisher=site.site_name if site else None,
        )
    )
