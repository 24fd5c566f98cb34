"""Keep articles' search entries in step with the topics they are filed under.

Articles are indexed with their topics' names and descriptions. Wagtail
indexes a page when it is saved, before the page's topics are written, so a
published article is indexed again once they are; an edited topic is indexed
again with each of its articles.
"""

from django.db.models.signals import post_save
from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published

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
