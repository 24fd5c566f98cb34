"""Settings shared by every environment.

Everything that differs between machines comes from the environment:
``DATABASE_URL``, ``SECRET_KEY``, ``ALLOWED_HOSTS``, ``REDIS_URL``.
"""

import datetime
import os
from pathlib import Path

import dj_database_url
import dj_email_url
from django.core.exceptions import ImproperlyConfigured

from .environment import BASE_DIR, env_bool, env_list, env_rate  # noqa: F401

INSTALLED_APPS = [
    "core",
    "home",
    "articles",
    "polls",
    "wagtail.api.v2",
    "wagtail.contrib.redirects",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.search_promotions",
    "wagtail.contrib.settings",
    "wagtail.contrib.frontend_cache",
    "wagtail.contrib.sitemaps",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "rest_framework",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "csp",
    "axes",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "core.csp.ContentSecurityPolicyMiddleware",
    "core.includes.IncludeMiddleware",
    "core.page_cache.PageCacheMiddleware",
    "polls.voting.reader_state.ReaderStateMiddleware",
    "core.database_outage.DatabaseOutageMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "core.route_cache.RouteCacheMiddleware",
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
            ],
        },
    },
]


# Database: a SQLite file in the project folder unless DATABASE_URL says otherwise.
DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=int(os.environ.get("DB_CONN_MAX_AGE", "60")),
        # A persistent connection the server has ended (a restart) is
        # replaced before a request's first query, not met with a 500.
        conn_health_checks=True,
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # Values bound on the server, and a statement run five times on a
    # connection kept prepared (psycopg's prepare_threshold): a vote then
    # only executes its statement, where PostgreSQL would otherwise parse and
    # plan it again every time. Behind a pooler in transaction mode without
    # prepared-statement support, set PREPARED_STATEMENTS=0.
    if os.environ.get("PREPARED_STATEMENTS", "1") != "0":
        DATABASES["default"].setdefault("OPTIONS", {}).update(
            server_side_binding=True, prepare_threshold=5
        )
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # WAL lets readers carry on while a vote is written; IMMEDIATE takes the
    # write lock at BEGIN so two writers queue on busy_timeout instead of
    # failing with "database is locked" halfway through a transaction.
    # A vote holds the lock for milliseconds, so 5 s of queueing is already
    # a lock held by something else (a backup, a long import); waiting longer
    # would tie up every worker, readers' pages included, so the writer gets
    # an error instead, and the vote endpoint answers 503 with Retry-After.
    DATABASES["default"]["OPTIONS"] = {
        "init_command": (
            "PRAGMA journal_mode=WAL;PRAGMA synchronous=NORMAL;PRAGMA foreign_keys=ON;"
        ),
        "transaction_mode": "IMMEDIATE",
        "timeout": int(os.environ.get("SQLITE_BUSY_TIMEOUT", "5")),
    }

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"


from .caching import *  # noqa: E402, F403

# URLs per sitemap file (the protocol allows 50,000): articles.sitemaps.
SITEMAP_URLS_PER_FILE = 10_000


PASSWORD_VALIDATION = "django.contrib.auth.password_validation"
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": f"{PASSWORD_VALIDATION}.UserAttributeSimilarityValidator"},
    {"NAME": f"{PASSWORD_VALIDATION}.MinimumLengthValidator"},
    {"NAME": f"{PASSWORD_VALIDATION}.CommonPasswordValidator"},
    {"NAME": f"{PASSWORD_VALIDATION}.NumericPasswordValidator"},
]

# Password guessing at the admin login: after 5 failures for one username
# from one address, django-axes refuses that pair for 15 minutes (429, with
# templates/axes/lockout.html); a success clears the count. Attempts are
# kept in the database, so every worker sees them. `manage.py axes_reset`
# lifts every lockout.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesBackend",  # a ModelBackend that first checks lockouts
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = 5
AXES_COOLOFF_TIME = datetime.timedelta(minutes=15)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_LOCKOUT_TEMPLATE = "axes/lockout.html"
# Behind a proxy, the header holding the client's address (e.g. HTTP_X_REAL_IP),
# for the login lockout and the polls' rate limit alike.
CLIENT_ADDRESS_HEADER = os.environ.get("CLIENT_ADDRESS_HEADER", "REMOTE_ADDR")
AXES_IPWARE_META_PRECEDENCE_ORDER = [CLIENT_ADDRESS_HEADER]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True


STATIC_URL = "/static/"
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "staticfiles"))
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Page editors for long articles post many fields at once.
DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000


WAGTAIL_SITE_NAME = "Health Answers"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")

# Outgoing mail (the weekly digest): EMAIL_URL in dj-email-url's format, e.g.
# smtp://user:pass@mail.internal:587/?tls=True. Without it Django's default
# SMTP on localhost:25 applies; development prints mail instead (dev.py).
EMAIL_URL = os.environ.get("EMAIL_URL", "")
if EMAIL_URL:
    globals().update(dj_email_url.parse(EMAIL_URL))
DEFAULT_FROM_EMAIL = os.environ.get("DEFAULT_FROM_EMAIL", "webmaster@localhost")
# An unreachable mail server fails within seconds, not minutes.
EMAIL_TIMEOUT = globals().get("EMAIL_TIMEOUT") or int(
    os.environ.get("EMAIL_TIMEOUT", "10")
)
# The admin calls no third party: no editor's email hash goes to Gravatar,
# and the dashboard does not poll Wagtail's release feed (we pin versions).
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAIL_ENABLE_UPDATE_CHECK = False


# Search: Wagtail's database backend (PostgreSQL full-text search when the
# database is PostgreSQL) unless SEARCH_BACKEND picks an OpenSearch or
# Elasticsearch client, with SEARCH_URL its cluster (docs/operations.md).
SEARCH_BACKENDS = {
    "database": "wagtail.search.backends.database",
    "opensearch": "wagtail.search.backends.opensearch2",
    "opensearch3": "wagtail.search.backends.opensearch3",
    "elasticsearch": "wagtail.search.backends.elasticsearch8",
    "elasticsearch9": "wagtail.search.backends.elasticsearch9",
}
SEARCH_BACKEND = os.environ.get("SEARCH_BACKEND", "database")
if SEARCH_BACKEND not in SEARCH_BACKENDS:
    raise ImproperlyConfigured(
        f"SEARCH_BACKEND={SEARCH_BACKEND!r} is not one of {', '.join(SEARCH_BACKENDS)}"
    )
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": SEARCH_BACKENDS[SEARCH_BACKEND]}}
if SEARCH_BACKEND != "database":
    WAGTAILSEARCH_BACKENDS["default"].update(
        URLS=env_list("SEARCH_URL", "http://localhost:9200"),
        INDEX=os.environ.get("SEARCH_INDEX", "health"),
    )
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "rtf", "txt", "xlsx"]


POLLS_CLIENT_ADDRESS_HEADER = CLIENT_ADDRESS_HEADER
# Votes per reader cookie and per client network before a 429.
POLLS_RATE_LIMITS = {
    "reader": env_rate("POLLS_RATE_LIMIT_READER", "10/60"),
    "network": env_rate("POLLS_RATE_LIMIT_NETWORK", "120/60"),
}


# Content-Security-Policy (django-csp, via core.csp): public pages load
# everything from this origin and run no inline script or style. Wagtail's
# editor previews pages in a same-origin frame. The admin gets the looser
# policy below: Wagtail 7.4 writes inline scripts there (see core.csp).
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
CONTENT_SECURITY_POLICY_ADMIN = {
    "DIRECTIVES": {
        "object-src": ["'none'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'self'"],
    }
}
