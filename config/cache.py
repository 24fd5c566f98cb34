"""Django's Redis cache, made forgiving: while Redis is away the site runs on.

Everything this project keeps in Redis can be rebuilt or done without:
pages, fragments and routes are rendered afresh, and rate limits count
nothing. So a failed cache call is logged and answered as a miss, instead
of failing every request with a 500 until Redis is back. Short socket
timeouts (settings) make an unreachable Redis cost milliseconds.

A purge that fails while Redis is away is logged too. If Redis comes back
with its old data (a network split rather than a restart, since it keeps
nothing on disk), pages may be stale until their timeout (an hour).
"""

import logging

from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)


class ForgivingRedisCache(RedisCache):
    def _forgiving(self, fallback, method, *args):
        try:
            return method(*args)
        except RedisError as error:
            logger.error("Redis cache unavailable, carrying on without it: %s", error)
            return fallback

    def get(self, key, default=None, version=None):
        return self._forgiving(default, super().get, key, default, version)

    def get_many(self, keys, version=None):
        return self._forgiving({}, super().get_many, keys, version)

    def has_key(self, key, version=None):
        return self._forgiving(False, super().has_key, key, version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._forgiving(False, super().add, key, value, timeout, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._forgiving(None, super().set, key, value, timeout, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._forgiving(list(data), super().set_many, data, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._forgiving(False, super().touch, key, timeout, version)

    def incr(self, key, delta=1, version=None):
        """As if the counter were new: a rate limit then counts nothing."""
        return self._forgiving(delta, super().incr, key, delta, version)

    def delete(self, key, version=None):
        return self._forgiving(False, super().delete, key, version)

    def delete_many(self, keys, version=None):
        return self._forgiving(None, super().delete_many, keys, version)

    def clear(self):
        return self._forgiving(None, super().clear)
