import os
import subprocess
import sys
from pathlib import Path

from csp.middleware import CSPMiddleware
from django.conf import settings
from django.core.cache import caches
from django.http import HttpResponse
from django.test import RequestFactory, SimpleTestCase, TestCase, override_settings
from wagtail.test.utils import WagtailTestUtils

from core.csp import ContentSecurityPolicyMiddleware
from testing.pages import make_article, make_index, site_root
from testing.responses import HEADER, directives


class PublicPolicyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_index(site_root())
        cls.article = make_article(cls.index, title="Leg numbness")

    def test_public_pages_allow_this_origin_only_and_no_inline_code(self):
        for url in (self.article.url, self.index.url, "/search/?q=leg", "/nope/"):
            with self.subTest(url=url):
                policy = directives(self.client.get(url))
                self.assertEqual(policy["default-src"], ["'self'"])
                self.assertEqual(policy["script-src"], ["'self'"])
                self.assertEqual(policy["style-src"], ["'self'"])
                self.assertEqual(policy["img-src"], ["'self'", "data:"])
                self.assertEqual(policy["object-src"], ["'none'"])
                self.assertEqual(policy["base-uri"], ["'self'"])
                self.assertEqual(policy["form-action"], ["'self'"])
                self.assertEqual(policy["frame-ancestors"], ["'self'"])
                self.assertNotIn("upgrade-insecure-requests", policy)
                self.assertNotIn("unsafe-inline", self.client.get(url)[HEADER])

    @override_settings(PAGE_CACHE_ENABLED=True)
    def test_pages_served_from_the_page_cache_carry_the_policy_too(self):
        caches["pages"].clear()
        first = self.client.get(self.article.url)
        second = self.client.get(self.article.url)
        self.assertEqual(second["X-Page-Cache"], "hit")
        self.assertEqual(second[HEADER], first[HEADER])
        self.assertIn("default-src 'self'", second[HEADER])


class AdminPolicyTests(WagtailTestUtils, TestCase):
    def test_the_admin_gets_the_looser_policy_that_still_forbids_framing(self):
        self.login()
        policy = directives(self.client.get("/admin/"))
        self.assertEqual(policy["frame-ancestors"], ["'self'"])
        self.assertEqual(policy["object-src"], ["'none'"])
        self.assertEqual(policy["base-uri"], ["'self'"])
        self.assertEqual(policy["form-action"], ["'self'"])
        self.assertNotIn("script-src", policy)
        self.assertNotIn("default-src", policy)


class ProductionPolicyTests(SimpleTestCase):
    def policy(self, **env):
        """The production settings' public policy, read in a fresh interpreter."""
        script = (
            "from django.conf import settings; "
            "print(settings.CONTENT_SECURITY_POLICY['DIRECTIVES']"
            "['upgrade-insecure-requests'])"
        )
        environment = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "health.example",
            "CLIENT_ADDRESS_HEADER": "HTTP_X_REAL_IP",
            **env,
        }
        return subprocess.run(
            [sys.executable, "-c", script],
            env=environment,
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()

    def test_production_upgrades_insecure_requests_unless_serving_plain_http(self):
        self.assertEqual(self.policy(), "True")
        self.assertEqual(self.policy(SECURE_SSL_REDIRECT="0"), "False")


class BuiltOnceTests(SimpleTestCase):
    """The header built once per process equals what django-csp builds."""

    def respond(self, path, response=None):
        middleware = ContentSecurityPolicyMiddleware(
            lambda request: response or HttpResponse()
        )
        return middleware(RequestFactory().get(path))

    def test_public_and_admin_headers_match_django_csps_own(self):
        for path, config in [
            ("/articles/", None),
            ("/admin/pages/", settings.CONTENT_SECURITY_POLICY_ADMIN["DIRECTIVES"]),
        ]:
            with self.subTest(path=path):
                built_once = self.respond(path)
                response = HttpResponse()
                response._csp_config = config  # as django-csp's @csp decorator sets
                own = CSPMiddleware(lambda request: None).process_response(
                    RequestFactory().get(path), response
                )
                self.assertEqual(built_once[HEADER], own[HEADER])

    def test_a_policy_a_view_set_is_kept(self):
        response = HttpResponse()
        response[HEADER] = "default-src 'self'; img-src https://images.example.org"
        tuned = self.respond("/articles/", response)
        self.assertIn("https://images.example.org", tuned[HEADER])
        plain = self.respond("/articles/")
        self.assertNotIn("https://images.example.org", plain[HEADER])

    @override_settings(DEBUG=True)
    def test_djangos_debug_error_pages_keep_their_inline_styles(self):
        missing = self.respond("/articles/", HttpResponse(status=404))
        self.assertNotIn(HEADER, missing)
        self.assertIn(HEADER, self.respond("/articles/"))

    def test_nothing_in_the_site_asks_for_what_this_middleware_leaves_out(self):
        """Nonces, django-csp's view decorators and report-only policies need
        django-csp's own middleware; switch back to it before using one."""
        root = Path(settings.BASE_DIR)
        sources = [
            path
            for folder in ("core", "home", "articles", "polls", "config", "templates")
            for pattern in ("*.py", "*.html")
            for path in (root / folder).rglob(pattern)
            if "tests" not in path.parts
        ]
        offenders = [
            f"{path.relative_to(root)}: {word}"
            for path in sources
            for word in ("csp_nonce", "csp.decorators", "_csp_")
            if word in path.read_text()
        ]
        self.assertEqual(offenders, [])
        self.assertFalse(hasattr(settings, "CONTENT_SECURITY_POLICY_REPORT_ONLY"))
