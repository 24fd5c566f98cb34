from django.db.models.signals import post_save
from django.dispatch import receiver

from polls.models import Choice, DailyCount


@receiver(post_save, sender=Choice)
def keep_counter_sentiment_in_step(sender, instance, **kwargs):
    """Counters copy their choice's sentiment; re-label them if an editor changes it."""
    DailyCount.objects.filter(choice=instance).exclude(
        sentiment=instance.sentiment
    ).update(sentiment=instance.sentiment)
