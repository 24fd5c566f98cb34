"""The edit form of the site's page types."""

import uuid

from django import forms
from wagtail.admin.forms import WagtailAdminPageForm


class SitePageForm(WagtailAdminPageForm):
    """Wagtail's page form, with the key that ties a create form's requests together.

    ``creation_key`` is new each time a create form is shown, and every
    request sent from that form (autosave's and the editor's own) carries
    it, so ``articles.page_creation`` can tell that a "Save draft" is for
    the page that autosave already created from the same form. Panels do not
    list it; Wagtail renders it as a hidden field all the same.
    """

    creation_key = forms.UUIDField(
        widget=forms.HiddenInput, required=False, initial=uuid.uuid4
    )
