"""Keeps the site-wide counters right when a page is deleted.

A deleted page's own counters go with it by cascade and its responses stop
counting (their page becomes NULL); what it added to the site-wide days
has to be taken out first, in the deletion's transaction.
"""

from django.db.models.signals import pre_delete
from django.dispatch import receiver
from wagtail.models import Page

from polls import tally


@receiver(pre_delete, sender=Page, dispatch_uid="polls_forget_deleted_page")
def forget_deleted_page(sender, instance, **kwargs):
    tally.forget_page(instance.pk)
