"""Purge cached pages whenever what readers see may have changed.

Publishing, unpublishing, moving or deleting any page purges, and so does
saving or deleting a row of a model pages show: Wagtail's sites and privacy
settings (which decide who may see a page at all), and what the site's apps
registered (``core.registry.show_on_pages``).
"""

from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from core import page_cache, registry


def purge_pages(sender=None, created=False, **kwargs):
    if created and issubclass(sender, BaseSiteSetting):
        return  # settings rows appear, with their defaults, on first read
    page_cache.purge()


def purge_if_shown(sender, created=False, **kwargs):
    if sender in registry.SHOWN_ON_PAGES:
        purge_pages(sender, created)


def purge_on_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) or sender in registry.SHOWN_ON_PAGES:
        page_cache.purge()


def connect():
    registry.show_on_pages("wagtailcore.Site", "wagtailcore.PageViewRestriction")
    page_published.connect(purge_pages, dispatch_uid="page_cache_published")
    page_unpublished.connect(purge_pages, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(purge_pages, dispatch_uid="page_cache_moved")
    post_save.connect(purge_if_shown, dispatch_uid="page_cache_shown_saved")
    post_delete.connect(purge_on_delete, dispatch_uid="page_cache_deleted")
