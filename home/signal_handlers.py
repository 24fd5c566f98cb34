"""Purge cached pages whenever what readers see may have changed."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.models import Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from articles.models import ArticlePage
from home import cdn, page_cache

# Models shown on public pages besides the pages themselves, and privacy
# settings, which decide who may see a page at all. Votes are not here: the
# poll's per-reader state never enters a cached page.
SHOWN_ON_PAGES = [
    "articles.Contributor",
    "articles.Topic",
    "home.SiteSettings",
    "polls.Poll",
    "polls.Choice",
    "polls.PollSettings",
    "wagtailcore.Site",
    "wagtailcore.PageViewRestriction",
]


def purge_pages(sender=None, created=False, **kwargs):
    if created and issubclass(sender, BaseSiteSetting):
        return  # settings rows appear, with their defaults, on first read
    page_cache.purge()


def purge_on_page_delete(sender, instance, **kwargs):
    if isinstance(instance, Page):
        page_cache.purge()


def purge_cdn_listings(sender, instance, **kwargs):
    """A published, unpublished or deleted article changes the pages listing it."""
    cdn.purge_listings(instance)


def purge_cdn_after_move(sender, instance, parent_page_before, **kwargs):
    if isinstance(instance.specific_deferred, ArticlePage):
        cdn.purge_listings(instance, parent=parent_page_before)
        cdn.purge_listings(instance)


def connect():
    page_published.connect(purge_pages, dispatch_uid="page_cache_published")
    page_unpublished.connect(purge_pages, dispatch_uid="page_cache_unpublished")
    post_page_move.connect(purge_pages, dispatch_uid="page_cache_moved")
    post_delete.connect(purge_on_page_delete, dispatch_uid="page_cache_deleted")
    for name, signal in [
        ("published", page_published),
        ("unpublished", page_unpublished),
        ("deleted", pre_delete),
    ]:
        signal.connect(purge_cdn_listings, sender=ArticlePage, dispatch_uid=name)
    post_page_move.connect(purge_cdn_after_move, dispatch_uid="cdn_moved")
    for label in SHOWN_ON_PAGES:
        model = apps.get_model(label)
        for signal in (post_save, post_delete):
            signal.connect(purge_pages, sender=model, dispatch_uid=f"purge_{label}")
