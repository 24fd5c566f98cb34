"""Fixed-window rate limits kept in the cache (Redis in production)."""

import time

from django.core.cache import cache


def hit(scope, key, limit, window):
    """Count one request; return the seconds to wait if over the limit, else 0."""
    now = int(time.time())
    bucket = now // window
    cache_key = f"polls:rate:{scope}:{key}:{bucket}"
    cache.add(cache_key, 0, timeout=window + 1)
    try:
        count = cache.incr(cache_key)
    except ValueError:  # evicted between add and incr
        cache.set(cache_key, 1, timeout=window + 1)
        count = 1
    if count > limit:
        return (bucket + 1) * window - now
    return 0
