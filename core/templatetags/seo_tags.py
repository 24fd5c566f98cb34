"""Share cards (Open Graph, Twitter) for any page."""

from django import template

from core.sharing import absolute, share_image

register = template.Library()


@register.inclusion_tag("includes/social_meta.html", takes_context=True)
def social_meta(context, default_image=None):
    """``default_image``: shared for a page without an image of its own."""
    request, page = context["request"], context.get("page")
    rendition = share_image(request, page, default_image)
    return {
        "image_url": absolute(request, rendition.url) if rendition else "",
        "image": rendition,
        "image_alt": getattr(rendition, "alt", "") if rendition else "",
    }
