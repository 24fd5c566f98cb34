"""Tests: fast hashing, a throwaway SQLite file unless DATABASE_URL names a database."""

import os

from .base import *  # noqa: F403
from .base import DATABASES

DEBUG = False
SECRET_KEY = "tests-only-not-secret"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Serve static files straight from the source folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

if not os.environ.get("DATABASE_URL"):
    # A file, not ":memory:", so concurrency tests see real SQLite locking (WAL).
    DATABASES["default"]["TEST"] = {"NAME": BASE_DIR / "test-db.sqlite3"}  # noqa: F405

if not os.environ.get("REDIS_URL"):
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"tests-{alias}",
        }
        for alias in ("default", "pages")
    }
MEDIA_ROOT = BASE_DIR / "media" / "test"  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://testserver"
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# Page-cache tests switch it on themselves; others see every render.
PAGE_CACHE_ENABLED = False
POLLS_ATTENTION_CACHE_SECONDS = 0
ROUTE_CACHE_ENABLED = False
FRAGMENT_CACHE_ENABLED = False

# The test client logs in without a request, which django-axes refuses;
# the lockout tests switch it on themselves.
AXES_ENABLED = False
