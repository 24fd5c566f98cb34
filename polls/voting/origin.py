"""Same-origin checks for the public poll endpoints.

Article pages are cached and identical for every anonymous reader, so they
cannot carry Django's per-reader CSRF token. Instead, the vote and follow-up
endpoints accept a POST only when the browser says it came from this site:

1. the ``Origin`` header, which browsers send with every cross-origin and
   every same-origin POST (``null`` is refused);
2. if there is none, ``Sec-Fetch-Site`` must be ``same-origin``;
3. if neither is present (old browsers), the ``Referer`` must be this site.

"This site" is the request's own scheme and host (the host is validated
against ``ALLOWED_HOSTS`` by Django) or an origin in ``CSRF_TRUSTED_ORIGINS``.
A request with none of the three headers is refused. Together with the
``SameSite=Lax`` reader cookie this stops another site from making a
reader's browser vote.
"""

from urllib.parse import urlsplit

from django.conf import settings


def is_same_origin(request):
    origin = request.headers.get("Origin")
    if origin is not None:
        return origin != "null" and _is_own_origin(origin, request)
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return fetch_site == "same-origin"
    referer = request.headers.get("Referer")
    return bool(referer) and _is_own_origin(referer, request)


def _is_own_origin(url, request):
    try:
        parts = urlsplit(url)
        origin = f"{parts.scheme}://{parts.netloc}".lower()
    except ValueError:
        return False
    scheme = "https" if request.is_secure() else "http"
    own = f"{scheme}://{request.get_host()}".lower()
    trusted = {o.lower() for o in getattr(settings, "CSRF_TRUSTED_ORIGINS", [])}
    return origin == own or origin in trusted
