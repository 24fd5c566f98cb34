"""Pages answer 503, not 500, while the database is unreachable.

Anonymous readers keep getting cached pages (``core.page_cache``) without
the database. Anything else that needs it while it restarts, refuses
connections, or stays locked past SQLite's busy timeout gets the 503 page
with ``Retry-After``: browsers, crawlers and CDNs then know to come back
soon, where a 500 would say the site is broken. The error is still logged.

This handles what views and templates raise, which is where pages query the
database. The vote endpoints retry first (``polls.voting.retries``).
"""

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.utils.cache import patch_cache_control

logger = logging.getLogger(__name__)

RETRY_AFTER = 10


class DatabaseOutageMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error(
            "Database unavailable for %s: %s",
            request.path,
            exception,
            exc_info=exception,
        )
        # No request context: its processors (site settings) would query.
        response = HttpResponse(loader.render_to_string("503.html"), status=503)
        response["Retry-After"] = str(RETRY_AFTER)
        patch_cache_control(response, no_store=True)
        return response
