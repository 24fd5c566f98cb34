"""An article's schema.org JSON-LD (``articles.structured_data``) in its page."""

from django import template
from wagtail.models import Site

from articles.structured_data import json_ld, medical_web_page
from core.sharing import absolute, share_image

register = template.Library()


@register.simple_tag(takes_context=True)
def article_structured_data(context, page, default_image=None):
    request = context["request"]
    rendition = share_image(request, page, default_image)
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
