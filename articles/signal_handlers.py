"""Keep what lists an article in step with it: search entries and a CDN.

Articles are indexed with their topics' names and descriptions. Wagtail
indexes a page when it is saved, before the page's topics are written, so a
published article is indexed again once they are; an edited topic is indexed
again with each of its articles.

A published, unpublished, moved or deleted article also changes the pages
that list it, which a CDN in front must forget (``articles.cdn``). The page
cache of every worker is purged by core (``core.signal_handlers``).
"""

from django.db.models.signals import post_save, pre_delete
from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, post_page_move

from articles import cdn
from articles.models import ArticlePage, Topic


@receiver(page_published, sender=ArticlePage)
def reindex_published_article(sender, instance, **kwargs):
    index.insert_or_update_object(instance)


@receiver(post_save, sender=Topic)
def reindex_topic_articles(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for article in instance.articles.all():
        index.insert_or_update_object(article)


@receiver(page_published, sender=ArticlePage, dispatch_uid="cdn_published")
@receiver(page_unpublished, sender=ArticlePage, dispatch_uid="cdn_unpublished")
@receiver(pre_delete, sender=ArticlePage, dispatch_uid="cdn_deleted")
def purge_cdn_listings(sender, instance, **kwargs):
    cdn.purge_listings(instance)


@receiver(post_page_move, dispatch_uid="cdn_moved")
def purge_cdn_after_move(sender, instance, parent_page_before, **kwargs):
    if isinstance(instance.specific_deferred, ArticlePage):
        cdn.purge_listings(instance, parent=parent_page_before)
        cdn.purge_listings(instance)
