"""Content-Security-Policy: strict on the public site, looser in Wagtail's admin.

Public responses get ``CONTENT_SECURITY_POLICY`` (django-csp's setting):
everything from this origin only, no inline script or style, no plugins.

Wagtail 7.4's admin still writes inline ``<script>`` elements (inline panels,
date pickers) and lets editors preview third-party embeds, so under the
admin's URL (wherever ``wagtailadmin_home`` resolves) the header is
``CONTENT_SECURITY_POLICY_ADMIN`` instead. It keeps the directives that break
nothing there (no framing by other sites, no ``<base>`` hijacking, no
plugins, forms post only here) and leaves where scripts, styles and media
load from to Wagtail.

This is all the site needs, so it is all this does: two fixed headers, each
built once per process with django-csp's ``build_policy`` (an uncached page in
the benchmark pays for no policy building), set on every response that has
none yet. No nonces, no per-view decorators, no report-only policy: templates
keep every script and style in static files, and no view tunes its policy
(django-csp's middleware, which handles those on every response, is not
installed; ``core/tests/test_csp.py`` fails if a view starts to tune one).
As django-csp does, Django's debug 404 and 500 pages, which use inline
styles, get no header when DEBUG is on.

The middleware sits outside ``core.page_cache.PageCacheMiddleware``, so the
header is added to every response on its way out, cache hits included, and
never stored with a page.
"""

from http import HTTPStatus

from csp.constants import HEADER
from csp.utils import build_policy
from django.conf import settings
from django.urls import reverse
from django.utils.functional import cached_property

DEBUG_PAGES = (HTTPStatus.NOT_FOUND, HTTPStatus.INTERNAL_SERVER_ERROR)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if HEADER not in response and not (
            settings.DEBUG and response.status_code in DEBUG_PAGES
        ):
            admin = request.path_info.startswith(self.admin_prefix)
            response[HEADER] = self.admin_policy if admin else self.public_policy
        return response

    @cached_property
    def public_policy(self):
        return build_policy()

    @cached_property
    def admin_policy(self):
        return build_policy(config=settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"])

    @cached_property
    def admin_prefix(self):
        return reverse("wagtailadmin_home")
