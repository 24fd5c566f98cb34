"""What the site's apps tell core, from their ``AppConfig.ready``.

core caches and purges pages, and builds share cards, for pages it knows
nothing about: it imports no app of the site. Each app says here what
concerns its own pages:

- ``show_on_pages("app.Model", ...)``: pages show rows of these models, so
  saving or deleting one purges every cached page (``core.signal_handlers``).
  Votes are not among them: a reader's answer never enters a cached page.
- ``keep_private(check)``: ``check(request)`` is true when the page is the
  reader's own (the poll's ``?answered=…``); the page and fragment caches
  neither serve nor store it.
- ``set_default_share_image(function)``: ``function(request)`` is the image
  shared for a page without one of its own (``core.sharing``).
"""

from django.apps import apps

SHOWN_ON_PAGES = set()  # model classes
PRIVATE_CHECKS = []
_DEFAULT_SHARE_IMAGE = []  # at most one function


def show_on_pages(*labels):
    SHOWN_ON_PAGES.update(apps.get_model(label) for label in labels)


def keep_private(check):
    if check not in PRIVATE_CHECKS:
        PRIVATE_CHECKS.append(check)


def is_private(request):
    return any(check(request) for check in PRIVATE_CHECKS)


def set_default_share_image(function):
    _DEFAULT_SHARE_IMAGE[:] = [function]


def default_share_image(request):
    """The image shared for a page without its own, or None."""
    return _DEFAULT_SHARE_IMAGE[0](request) if _DEFAULT_SHARE_IMAGE else None
