"""Production: every secret and host comes from the environment, nothing defaults."""

import os

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import (
    CLIENT_ADDRESS_HEADER,
    CONTENT_SECURITY_POLICY,
    STORAGES,
    env_bool,
    env_list,
)

DEBUG = False

SECRET_KEY = os.environ.get("SECRET_KEY", "")
if not SECRET_KEY:
    raise ImproperlyConfigured(
        "SECRET_KEY is not set. Production refuses to start without one: "
        "export SECRET_KEY to a long random string (50+ characters)."
    )

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured(
        "ALLOWED_HOSTS is not set: give the site's host names, comma-separated."
    )
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")

STORAGES = {
    **STORAGES,
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"
    },
}

# HTTPS everywhere. Behind a proxy that terminates TLS, it must set
# X-Forwarded-Proto. SECURE_SSL_REDIRECT=0 and SECURE_COOKIES=0 are for
# plain-HTTP loopback runs (the benchmark) only.
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", True)
# Browsers fetch any http:// link on a page over HTTPS instead.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        **CONTENT_SECURITY_POLICY["DIRECTIVES"],
        "upgrade-insecure-requests": SECURE_SSL_REDIRECT,
    }
}
# A proxy in front terminates TLS and says so in X-Forwarded-Proto. It must
# also pass on each reader's address (CLIENT_ADDRESS_HEADER, see
# docs/operations.md, "Behind a proxy"): left at REMOTE_ADDR, every reader
# has the proxy's address, so all share one vote rate limit and one login
# lockout.
# BEHIND_PROXY=0 is for gunicorn facing its clients itself (bench/server.py).
BEHIND_PROXY = env_bool("BEHIND_PROXY", True)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    if CLIENT_ADDRESS_HEADER == "REMOTE_ADDR":
        raise ImproperlyConfigured(
            "CLIENT_ADDRESS_HEADER is REMOTE_ADDR, but a proxy is in front "
            "(SECURE_PROXY_SSL_HEADER is set): every reader would share the "
            "proxy's address and one rate limit. Set CLIENT_ADDRESS_HEADER to "
            "the header your proxy sets (e.g. HTTP_X_REAL_IP), or BEHIND_PROXY=0 "
            "if gunicorn faces clients directly."
        )
SECURE_HSTS_SECONDS = int(os.environ.get("SECURE_HSTS_SECONDS", 60 * 60 * 24 * 365))
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = env_bool("SECURE_HSTS_PRELOAD", True)
SESSION_COOKIE_SECURE = env_bool("SECURE_COOKIES", True)
CSRF_COOKIE_SECURE = SESSION_COOKIE_SECURE
CSRF_COOKIE_HTTPONLY = True
