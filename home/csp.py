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

The middleware sits outside ``home.page_cache.PageCacheMiddleware``, so the
header is added to every response on its way out, cache hits included, and
never stored with a page.
"""

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.urls import reverse
from django.utils.functional import cached_property


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(self.admin_prefix)
        ):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts

    @cached_property
    def admin_prefix(self):
        return reverse("wagtailadmin_home")
