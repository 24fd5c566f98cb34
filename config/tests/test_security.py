"""Production's security settings, checked by Django and seen in responses."""

import subprocess
import sys
from http import HTTPStatus

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.cache import cache, caches
from django.test import TestCase, override_settings
from django.urls import reverse

from polls.testing import BROWSER
from testing.demo import SEED_URL, load_demo
from testing.production import production_environment, production_settings
from testing.responses import directives

# Every response, page or not, cached or not, carries these. The
# Content-Security-Policy joins this table when the CSP is merged.
SECURITY_HEADERS = {
    "Strict-Transport-Security": "max-age=31536000; includeSubDomains; preload",
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "X-Frame-Options": "DENY",
}
SECURE = {"secure": True, "headers": {"user-agent": BROWSER}}


def production_security_settings():
    """The settings production.py sets that shape responses and cookies."""
    production = production_settings(production_environment())
    prefixes = ("SECURE_", "SESSION_COOKIE_", "CSRF_COOKIE_", "X_FRAME_OPTIONS")
    chosen = {k: v for k, v in production.items() if k.startswith(prefixes)}
    return {**chosen, "MIDDLEWARE": production["MIDDLEWARE"]}


class DeployCheckTests(TestCase):
    def test_check_deploy_is_clean_with_production_settings(self):
        result = subprocess.run(
            [
                sys.executable,
                "manage.py",
                "check",
                "--deploy",
                "--fail-level",
                "WARNING",
            ],
            cwd=settings.BASE_DIR,
            env=production_environment(),
            capture_output=True,
            text=True,
        )
        self.assertEqual(result.returncode, 0, result.stdout + result.stderr)
        self.assertIn("System check identified no issues", result.stdout)


@override_settings(**production_security_settings())
class ResponseHeaderTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()

    def assertSecurityHeaders(self, response, public=True):
        for name, value in SECURITY_HEADERS.items():
            with self.subTest(header=name):
                self.assertEqual(response.get(name), value)
        with self.subTest(header="Content-Security-Policy"):
            policy = directives(response)
            self.assertEqual(policy["frame-ancestors"], ["'self'"])
            self.assertNotIn("'unsafe-inline'", response["Content-Security-Policy"])
            if public:
                self.assertEqual(policy["default-src"], ["'self'"])
                self.assertEqual(policy["script-src"], ["'self'"])

    def test_plain_http_is_redirected_to_https(self):
        response = self.client.get(SEED_URL)
        self.assertEqual(response.status_code, HTTPStatus.MOVED_PERMANENTLY)
        self.assertEqual(response["Location"], f"https://testserver{SEED_URL}")

    def test_every_response_carries_the_security_headers(self):
        urls = {
            "home page": "/",
            "article": SEED_URL,
            "not found": "/no-such-page/",
            "admin login": reverse("wagtailadmin_login"),
            "reader's answer (JSON)": reverse("polls:reader_answer") + "?page=1&poll=1",
            "sitemap": "/sitemap.xml",
        }
        for name, url in urls.items():
            with self.subTest(name):
                response = self.client.get(url, **SECURE)
                self.assertSecurityHeaders(response, public="admin" not in name)

    @override_settings(PAGE_CACHE_ENABLED=True)
    def test_pages_from_the_page_cache_carry_them_too(self):
        caches["pages"].clear()
        self.client.get(SEED_URL, **SECURE)
        cached = self.client.get(SEED_URL, **SECURE)
        self.assertEqual(cached["X-Page-Cache"], "hit")
        self.assertSecurityHeaders(cached)

    def test_session_and_csrf_cookies_are_secure_and_http_only(self):
        get_user_model().objects.create_superuser(
            "admin", "a@example.com", "pw", first_name="Ada", last_name="Admin"
        )
        login_page = self.client.get(reverse("wagtailadmin_login"), **SECURE)
        self.assertCookie(login_page.cookies["csrftoken"])
        signed_in = self.client.post(
            reverse("wagtailadmin_login"),
            {"username": "admin", "password": "pw"},
            **SECURE,
        )
        self.assertRedirects(
            signed_in, reverse("wagtailadmin_home"), fetch_redirect_response=False
        )
        self.assertCookie(signed_in.cookies[settings.SESSION_COOKIE_NAME])

    def test_the_reader_cookie_is_secure_and_http_only(self):
        cache.clear()  # other tests' votes count against this address's limit
        page = self.client.get(SEED_URL, **SECURE).context["page"]
        response = self.client.post(
            reverse("polls:vote"),
            {"page": page.pk, "poll": 1, "choice": 1},
            HTTP_ORIGIN="https://testserver",
            **SECURE,
        )
        self.assertEqual(response.status_code, HTTPStatus.SEE_OTHER)
        self.assertCookie(response.cookies["poll_reader"])

    def assertCookie(self, cookie):
        self.assertTrue(cookie["secure"])
        self.assertTrue(cookie["httponly"])
        self.assertEqual(cookie["samesite"], "Lax")
