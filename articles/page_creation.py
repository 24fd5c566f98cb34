"""The editor's first save of a new page follows the page autosave created.

Wagtail autosaves a new page by posting the create form to the create view,
which creates the page and tells the browser to edit it from then on. If the
editor presses "Save draft" (or Submit, or Publish) before the browser has
heard back, that post goes to the create view as well, and Wagtail would
refuse it ("The slug '…' is already in use") or, with a slug changed since,
create a second page.

Every request from one create form carries the form's ``creation_key``
(``articles.page_forms.SitePageForm``). The first one claims the key
(``PageCreation``); a later one from the same user waits, briefly, for the
page that the first one is creating, then is sent on to that page's edit
view with a 307, so the browser posts the same form there and the edit view
saves it. Wagtail's ``WAGTAIL_AUTOSAVE_INTERVAL`` could only turn autosave
off everywhere, editing included.
"""

import datetime
import time
import uuid

from django.db import IntegrityError, transaction
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils import timezone

from articles.models import PageCreation

KEY_FIELD = "creation_key"
KEEP = datetime.timedelta(days=1)
# How long a save waits for the page another request is still creating: a
# slow server's autosave; a claim older than this never made its page.
WAIT = datetime.timedelta(seconds=10)
POLL_SECONDS = 0.1


class FollowPage(HttpResponseRedirect):
    """Post the same form again, to the page's edit view."""

    status_code = 307


def creation_key(request):
    try:
        return uuid.UUID(request.POST.get(KEY_FIELD, ""))
    except ValueError:
        return None


def follow_created_page(request, parent_page, page_class):
    """``before_create_page``: claim the form's key, or follow its page."""
    key = creation_key(request) if request.method == "POST" else None
    if key is None:
        return None
    PageCreation.objects.filter(started_at__lt=timezone.now() - KEEP).delete()
    try:
        with transaction.atomic():
            PageCreation.objects.create(key=key, user=request.user)
        return None  # the form's first request: it creates the page
    except IntegrityError:
        pass
    page_id = wait_for_page(key, request.user)
    if page_id is None or not request.accepts("text/html"):
        # Nothing to follow (or a second autosave): Wagtail answers as usual.
        return None
    url = reverse("wagtailadmin_pages:edit", args=[page_id])
    query = request.GET.urlencode()
    return FollowPage(f"{url}?{query}" if query else url)


def wait_for_page(key, user):
    """The page the key's first request created, once it has; None if that
    request was another user's or never made one."""
    while True:
        claim = PageCreation.objects.filter(key=key).first()
        if claim is None or claim.user_id != user.pk:
            return None
        if claim.page_id is not None:
            return claim.page_id
        if timezone.now() - claim.started_at > WAIT:
            return None
        time.sleep(POLL_SECONDS)


def record_created_page(request, page):
    """``after_create_page``: the key's page, for the form's later requests."""
    key = creation_key(request)
    if key is not None:
        PageCreation.objects.filter(key=key, user=request.user, page=None).update(
            page=page
        )
