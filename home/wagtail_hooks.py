from django.apps import apps
from wagtail import hooks

from home.governance import govern_standard_pages
from home.models import StandardPage


@hooks.register("after_create_page")
def register_standard_page_governance(request, page):
    """Moderators may edit a new standard page, as they do the demo's."""
    if isinstance(page.specific, StandardPage):
        govern_standard_pages(apps, [page])
