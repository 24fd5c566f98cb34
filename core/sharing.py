"""The image and absolute URLs that share cards and structured data use."""

from wagtail.models import Site

SHARE_RENDITION = "fill-1200x630|format-jpeg"


def share_image(request, page, default=None):
    """The page's own image (``hero_image``), else ``default`` (the site's,
    which templates read from its settings), as a 1200×630 JPEG rendition, or
    None.

    Kept on the request so the share card and the structured data, which both
    need it, fetch the rendition once.
    """
    if not hasattr(request, "_share_image"):
        image = getattr(page, "hero_image", None)
        if image is None:
            image = default
        rendition = image.get_rendition(SHARE_RENDITION) if image else None
        request._share_image = rendition
    return request._share_image


def absolute(request, url):
    if url.startswith(("http://", "https://")):
        return url
    site = Site.find_for_request(request)
    root = site.root_url if site else request.build_absolute_uri("/").rstrip("/")
    return root + url
