"""Keep what shows an article in step with it: search entries and caches.

Articles are indexed with their topics' names and descriptions. Wagtail
indexes a page when it is saved, before the page's topics are written, so a
published article whose topics changed is indexed again once they are; an
edited topic is indexed again with each of its articles.

A published, unpublished, moved or deleted article also changes the pages
that list it: ``articles.changes`` works out which, for the page cache's tags
and a CDN's addresses at once. Editing a topic, a contributor or a poll bumps
the tag of the pages that show it (``articles.cache_tags``).
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.search import index
from wagtail.signals import page_published, page_unpublished, pre_page_move

from articles import cache_tags as article_tags
from articles import changes
from articles.models import ArticlePage, Contributor, Topic
from core import cache_tags
from polls.models import Choice, Poll, PollSettings


@receiver(pre_save, sender=ArticlePage, dispatch_uid="topics_before_save")
def remember_topics(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk is not None:
        instance.topics_before_save = set(
            ArticlePage.topics.through.objects.filter(
                articlepage_id=instance.pk
            ).values_list("topic_id", flat=True)
        )


@receiver(page_published, sender=ArticlePage)
def reindex_published_article(sender, instance, **kwargs):
    """Index it again if its topics changed: the save's own indexing ran
    before the page's topics were written (a bulk import's articles, with
    none, are indexed once less)."""
    before = getattr(instance, "topics_before_save", None)
    after = {topic.pk for topic in instance.topics.all()}
    if before != after:
        index.insert_or_update_object(instance)


@receiver(post_save, sender=Topic)
def reindex_topic_articles(sender, instance, raw=False, **kwargs):
    if raw:
        return
    for article in instance.articles.all():
        index.insert_or_update_object(article)


@receiver(page_published, sender=ArticlePage, dispatch_uid="article_published")
@receiver(page_unpublished, sender=ArticlePage, dispatch_uid="article_unpublished")
@receiver(pre_delete, sender=ArticlePage, dispatch_uid="article_deleted")
def article_changed(sender, instance, **kwargs):
    changes.apply(changes.article_changed(instance))


@receiver(pre_page_move, dispatch_uid="article_moving")
def article_moving(sender, instance, parent_page_before, parent_page_after, **kwargs):
    if isinstance(instance.specific_deferred, ArticlePage):
        article = instance.specific_deferred
        parents = [parent_page_before, parent_page_after]
        changes.apply(changes.article_changed(article, parents=parents))


@receiver(post_save, sender=Topic, dispatch_uid="topic_saved")
@receiver(post_delete, sender=Topic, dispatch_uid="topic_deleted")
def topic_changed(sender, instance, **kwargs):
    cache_tags.bump(article_tags.topic(instance.pk), article_tags.TOPIC_LIST)


@receiver(post_save, sender=Contributor, dispatch_uid="contributor_saved")
@receiver(post_delete, sender=Contributor, dispatch_uid="contributor_deleted")
def contributor_changed(sender, instance, **kwargs):
    # The feed names articles' authors too; it is tagged with the newest.
    cache_tags.bump(article_tags.contributor(instance.pk), article_tags.NEWEST)


@receiver(post_save, sender=Poll, dispatch_uid="poll_saved")
@receiver(post_delete, sender=Poll, dispatch_uid="poll_deleted")
@receiver(post_save, sender=Choice, dispatch_uid="choice_saved")
@receiver(post_delete, sender=Choice, dispatch_uid="choice_deleted")
def poll_changed(sender, instance, **kwargs):
    poll_id = instance.pk if sender is Poll else instance.poll_id
    tags = {article_tags.poll(poll_id)}
    if PollSettings.objects.filter(default_poll_id=poll_id).exists():
        tags.add(article_tags.poll(None))
    cache_tags.bump(*tags)


@receiver(post_save, sender=PollSettings, dispatch_uid="poll_settings_saved")
def poll_settings_changed(sender, instance, created=False, **kwargs):
    if not created:  # a row appears, with its defaults, on first read
        cache_tags.bump(article_tags.POLL_SETTINGS)
