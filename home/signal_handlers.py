"""Purge cached pages whenever what readers see may have changed."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from home import page_cache

# Models shown on public pages besides the pages themselves. Votes are not
# here: the poll's per-reader state never enters a cached page.
SHOWN_ON_PAGES = [
    "articles.Contributor",
    "articles.Topic",
    "home.SiteSettings",
    "polls.Poll",
    "polls.Choice",
    "polls.PollSettings",
    "wagtailcore.Site",
]


def purge_pages(sender=None, created=False, **kwargs):
    if created and issubclass(sender, BaseSiteSetting):
        return  # settings rows appear, with their defaults, on first read
    page_cache.purge()


def purge_on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_cache.purge()


def connect():
    page_published.connect(purge_pages, dispatch_uid="page_cache_published")
    page_unpublished.connect(purge_pages, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(purge_pages, dispatch_uid="page_cache_moved")
    post_delete.connect(purge_on_page_delete, dispatch_uid="page_cache_deleted")
    for label in SHOWN_ON_PAGES:
        model = apps.get_model(label)
        for signal in (post_save, post_delete):
            signal.connect(purge_pages, sender=model, dispatch_uid=f"purge_{label}")
