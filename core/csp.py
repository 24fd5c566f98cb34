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

Almost every response gets one of those two headers unchanged, so each is
built once per process; a response a view tuned (django-csp's decorators),
one that used a nonce, and a debug page go through django-csp's own path.

The middleware sits outside ``core.page_cache.PageCacheMiddleware``, so the
header is added to every response on its way out, cache hits included, and
never stored with a page.
"""

from csp.constants import HEADER
from csp.middleware import CheckableLazyObject, CSPMiddleware
from csp.utils import build_policy
from django.conf import settings
from django.urls import reverse
from django.utils.functional import cached_property

# What django-csp's view decorators set on a response to tune its policy.
TUNED_BY_VIEW = [
    f"_csp_{part}{suffix}"
    for part in ("config", "update", "replace", "exempt")
    for suffix in ("", "_ro")
]


class ContentSecurityPolicyMiddleware(CSPMiddleware):
    def __init__(self, get_response):
        super().__init__(get_response)
        self.built_policies = {}  # {is the admin's: header}

    def process_response(self, request, response):
        if self.is_plain(request, response):
            if HEADER not in response:
                response[HEADER] = self.policy(self.is_admin(request))
            # As django-csp does: a nonce asked for after this is an error.
            request.csp_nonce = CheckableLazyObject(self._csp_nonce_post_response)
            return response
        return super().process_response(request, response)

    @staticmethod
    def is_plain(request, response):
        return not (
            settings.DEBUG
            or getattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY", None)
            or settings.CONTENT_SECURITY_POLICY.get("EXCLUDE_URL_PREFIXES")
            or getattr(request, "_csp_nonce", None) is not None
            or any(hasattr(response, name) for name in TUNED_BY_VIEW)
        )

    def policy(self, admin):
        """The header for public or admin pages, built on first use."""
        if admin not in self.built_policies:
            config = (
                settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"] if admin else None
            )
            self.built_policies[admin] = build_policy(config=config)
        return self.built_policies[admin]

    def is_admin(self, request):
        return request.path_info.startswith(self.admin_prefix)

    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only)
        if not report_only and parts.config is None and self.is_admin(request):
            parts.config = settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]
        return parts

    @cached_property
    def admin_prefix(self):
        return reverse("wagtailadmin_home")
