"""The reader's own answer, always read from the database, never from a URL.

Without JavaScript a vote redirects to the page with ``?answered=…`` so the
widget shows the thank-you. That query string is only a request to show the
reader's state: the state itself is looked up by the reader's cookie. So a
shared ``?answered=…`` link, a cleared cookie or a page from the browser's
history never shows an answer the reader did not give (or no longer holds).

Such a response is per reader: ``ReaderStateMiddleware`` marks it
``private, no-store`` with ``Vary: Cookie``, so no shared cache keeps it and
the Back button asks the server again. Page and fragment caches must skip
requests for which ``is_requested`` is true.
"""

from django.utils.cache import patch_cache_control, patch_vary_headers

from polls.models import Response
from polls.voting import readers

STATE_PARAMS = ("answered", "follow_up")


def is_requested(request):
    """True when the URL asks for the reader's own poll state."""
    params = getattr(request, "GET", {})
    return any(name in params for name in STATE_PARAMS)


def stored_response(request, *, page_id, poll_id):
    """The reader's stored response (with its choice), or None."""
    cookie = readers.existing_reader_cookie(request) if request else None
    if cookie is None:
        return None
    return (
        Response.objects.select_related("choice")
        .filter(page_id=page_id, poll_id=poll_id, reader_key=readers.reader_key(cookie))
        .order_by()
        .first()
    )


class ReaderStateMiddleware:
    """Keep pages that show a reader's answer out of every shared cache."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        if request.method in ("GET", "HEAD") and is_requested(request):
            patch_cache_control(response, private=True, no_store=True)
            patch_vary_headers(response, ["Cookie"])
        return response
