from django.apps import apps
from wagtail import hooks

from home.choosers import live_article_chooser_viewset
from home.governance import govern_standard_pages
from home.models import StandardPage


@hooks.register("after_create_page")
def register_standard_page_governance(request, page):
    """Moderators may edit a new standard page, as they do the demo's."""
    if isinstance(page.specific, StandardPage):
        govern_standard_pages(apps, [page])


@hooks.register("register_admin_viewset")
def register_live_article_chooser():
    return live_article_chooser_viewset
