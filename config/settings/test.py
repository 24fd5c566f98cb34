"""Tests: fast hashing, a throwaway SQLite file unless DATABASE_URL names a database."""

import atexit
import os
import shutil
import tempfile
from urllib.parse import urlsplit, urlunsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import CACHES, DATABASES, REDIS_URL

DEBUG = False
SECRET_KEY = "tests-only-not-secret"
ALLOWED_HOSTS = ["testserver", "localhost", "127.0.0.1"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# Serve static files straight from the source folders, no collectstatic needed.
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True

# Each test run gets its own folder for the SQLite file and uploaded media,
# so two runs at once (two worktrees, two terminals) never share them. The
# run's pytest-xdist workers inherit the folder through the environment, and
# pytest-django gives each worker its own file in it (test-db_gw0, ...).
# The process that made the folder removes it when it exits.
TEST_RUN_DIR = os.environ.get("TEST_RUN_DIR")
if not TEST_RUN_DIR:
    TEST_RUN_DIR = os.environ["TEST_RUN_DIR"] = tempfile.mkdtemp(prefix="health-tests-")
    atexit.register(shutil.rmtree, TEST_RUN_DIR, ignore_errors=True)

if not os.environ.get("DATABASE_URL"):
    # A file, not ":memory:", so concurrency tests see real SQLite locking (WAL).
    DATABASES["default"]["TEST"] = {"NAME": os.path.join(TEST_RUN_DIR, "test-db")}
elif os.environ.get("TEST_DATABASE_NAME"):
    # Two runs against one PostgreSQL server (two worktrees) each name their
    # own test database; pytest-xdist adds the worker's suffix to it.
    DATABASES["default"]["TEST"] = {"NAME": os.environ["TEST_DATABASE_NAME"]}

if REDIS_URL:
    # Clearing a Redis cache empties its whole database, so each pytest-xdist
    # worker gets a database of its own: the URL's number minus the worker's
    # (redis://.../15 gives gw0 15, gw1 14).
    worker = int(os.environ.get("PYTEST_XDIST_WORKER", "gw0").removeprefix("gw"))
    address = urlsplit(REDIS_URL)
    number = int(address.path.strip("/") or 0) - worker
    if number < 0:
        raise ImproperlyConfigured(
            f"REDIS_URL {REDIS_URL} leaves no Redis database for xdist worker "
            f"{worker}: name one numbered at least as high as the workers"
        )
    for alias in CACHES:
        CACHES[alias]["LOCATION"] = urlunsplit(address._replace(path=f"/{number}"))
else:
    CACHES = {
        alias: {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": f"tests-{alias}",
        }
        for alias in ("default", "pages")
    }
    CACHES["uncached"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
MEDIA_ROOT = os.path.join(TEST_RUN_DIR, "media")
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
