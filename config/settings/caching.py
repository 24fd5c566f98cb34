"""The caches: Django's, the page cache's and a CDN's.

Read by core.page_cache, core.route_cache, core.cache_tags and the fragment
cache; every purge reaches all of them (docs/operations.md, "Caching").
"""

import os

from .environment import BASE_DIR, env_bool

# Caches: Redis when REDIS_URL is given (shared by every worker). Without it,
# "default" (rate-limit counters) is per process and "pages" (the anonymous
# page cache, see core.page_cache) is a folder shared by the workers of one
# machine.
REDIS_URL = os.environ.get("REDIS_URL", "")
CACHE_KEY_PREFIX = os.environ.get("CACHE_KEY_PREFIX", "health")
if REDIS_URL:
    # django-redis: with IGNORE_EXCEPTIONS a Redis outage is logged and
    # answered as a miss, not a 500 (pages are rendered afresh, rate limits
    # count nothing); it then costs at most these timeouts a call.
    CACHES = {
        alias: {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": f"{CACHE_KEY_PREFIX}:{alias}",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
        for alias in ("default", "pages")
    }
else:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
            "LOCATION": "health-default",
        },
        "pages": {
            "BACKEND": "django.core.cache.backends.filebased.FileBasedCache",
            "LOCATION": os.environ.get("PAGE_CACHE_DIR", BASE_DIR / ".page-cache"),
            "OPTIONS": {"MAX_ENTRIES": 5000},
        },
    }

# Where Wagtail's {% wagtailpagecache %} "keeps" a page's parts that must not be
# shared (a POST, a reader's own page): nowhere (core/templatetags/fragment_tags.py).
CACHES["uncached"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True

# Anonymous readers get pages from the page cache; browsers and CDNs may keep
# them for PAGE_MAX_AGE seconds (publishing purges the server's copy at once).
# Pages' head and body parts, and Wagtail's route to each page, are cached too
# (core.route_cache, templates/base_page.html); all of them are kept at most
# PAGE_CACHE_TIMEOUT seconds, and every purge forgets them at once.
PAGE_CACHE_ENABLED = env_bool("PAGE_CACHE_ENABLED", True)
ROUTE_CACHE_ENABLED = True
FRAGMENT_CACHE_ENABLED = True
PAGE_CACHE_TIMEOUT = 3600
# How far apart the clocks of servers sharing the page cache (Redis) may be,
# in seconds: a page rendered that soon after a change to it is not trusted
# (core.cache_tags). One server has one clock: 0. Several: their NTP bound.
PAGE_CACHE_CLOCK_MARGIN = float(os.environ.get("PAGE_CACHE_CLOCK_MARGIN", "0"))
PAGE_MAX_AGE = 60


# A CDN in front of the site, purged when pages change (wagtail.contrib.
# frontend_cache, plus articles.changes for the pages that list an article).
# FRONTEND_CACHE=http needs FRONTEND_CACHE_URL (e.g. Varnish's address);
# =cloudflare needs CLOUDFLARE_BEARER_TOKEN and CLOUDFLARE_ZONE_ID;
# =cloudfront needs CLOUDFRONT_DISTRIBUTION_ID (and boto3 installed).
FRONTEND_CACHE = os.environ.get("FRONTEND_CACHE", "")
FRONTEND_BACKENDS = "wagtail.contrib.frontend_cache.backends"
if FRONTEND_CACHE == "http":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": f"{FRONTEND_BACKENDS}.HTTPBackend",
            "LOCATION": os.environ["FRONTEND_CACHE_URL"],
        }
    }
elif FRONTEND_CACHE == "cloudflare":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": f"{FRONTEND_BACKENDS}.CloudflareBackend",
            "BEARER_TOKEN": os.environ["CLOUDFLARE_BEARER_TOKEN"],
            "ZONEID": os.environ["CLOUDFLARE_ZONE_ID"],
        }
    }
elif FRONTEND_CACHE == "cloudfront":
    WAGTAILFRONTENDCACHE = {
        "cdn": {
            "BACKEND": f"{FRONTEND_BACKENDS}.CloudfrontBackend",
            "DISTRIBUTION_ID": os.environ["CLOUDFRONT_DISTRIBUTION_ID"],
        }
    }
else:
    WAGTAILFRONTENDCACHE = {}
