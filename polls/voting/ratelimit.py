"""Fixed-window rate limits kept in the cache (Redis in production).

A vote is counted against several limits at once (its reader and its
network), so ``hits`` counts them together: on django-redis's cache in one
round trip (a pipeline of ``SET … NX EX`` and ``INCR`` per counter, on the
client ``django_redis.get_redis_connection`` gives), elsewhere through the
cache's own ``incr``, which needs no ``add`` once the window's counter exists.
A cache that forgives an outage answers ``None``; such a counter counts
nothing, so readers can still vote while the cache is away.
"""

import logging
import time

from django.core.cache import DEFAULT_CACHE_ALIAS, caches
from django_redis import get_redis_connection
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


def hit(scope, key, limit, window):
    """Count one request; return the seconds to wait if over the limit, else 0."""
    return hits((scope, key, limit, window))


def hits(*limits):
    """Count one request against each ``(scope, key, limit, window)``.

    Returns the longest wait (in seconds) among the limits it is over, else 0.
    """
    now = int(time.time())
    counters = []
    for scope, key, limit, window in limits:
        bucket = now // window
        counters.append(
            (
                f"polls:rate:{scope}:{key}:{bucket}",
                window + 1,
                limit,
                (bucket + 1) * window,
            )
        )
    counts = _increment([(key, timeout) for key, timeout, _, _ in counters])
    return max(
        (ends - now if count is not None and count > limit else 0)
        for count, (_, _, limit, ends) in zip(counts, counters, strict=True)
    )


def _increment(counters):
    """Add one to each ``(key, timeout)`` counter, creating it at 0 first."""
    cache = caches[DEFAULT_CACHE_ALIAS]
    try:
        client = get_redis_connection(DEFAULT_CACHE_ALIAS)
    except NotImplementedError:  # not django-redis
        client = None
    if client is not None:
        counts = _increment_on_redis(cache, client, counters)
        if counts is not None:
            return counts
    return [_increment_one(cache, key, timeout) for key, timeout in counters]


def _increment_on_redis(cache, client, counters):
    """Every counter in one round trip; None if Redis failed (the cache's own
    methods then decide what a failure means)."""
    keys = [(cache.make_and_validate_key(key), timeout) for key, timeout in counters]
    try:
        pipeline = client.pipeline(transaction=False)
        for key, timeout in keys:
            pipeline.set(key, 0, ex=timeout, nx=True)
            pipeline.incr(key)
        replies = pipeline.execute()
    except RedisError as error:
        logger.warning("Rate-limit counters unavailable in one round trip: %s", error)
        return None
    return replies[1::2]


def _increment_one(cache, key, timeout):
    try:
        return cache.incr(key)
    except ValueError:  # the window's first request, or evicted
        if cache.add(key, 1, timeout=timeout):
            return 1
    try:
        return cache.incr(key)  # another request added it first
    except ValueError:  # evicted between add and incr
        cache.set(key, 1, timeout=timeout)
        return 1
