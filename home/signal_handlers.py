"""Every page shows the main menu, the footer and the site settings: changing
one of them bumps ``site`` (``core.cache_tags``), dropping every cached page.

The menu lists the pages right under a site's home page (their titles and
addresses); the footer lists the standard pages marked "Show in footer".
So the change that drops everything is one to those labels: a menu page's or
footer page's title, slug, liveness or place (moved or deleted), a footer
flag, or the site settings (tagline, social links, disclaimer...).
"""

from django.db.models.signals import post_save, pre_delete, pre_save
from django.dispatch import receiver
from wagtail.models import Site
from wagtail.signals import page_published, page_unpublished, pre_page_move

from core import cache_tags
from core.signal_handlers import label_changed
from home.models import SiteSettings, StandardPage


def is_in_menu(page):
    """Whether ``page`` is right under a site's home page (one query)."""
    parent_path = page.path[: -page.steplen]
    return Site.objects.filter(root_page__path=parent_path).exists()


@receiver(pre_save, sender=StandardPage, dispatch_uid="footer_flag_before_save")
def remember_footer_flag(sender, instance, raw=False, **kwargs):
    if not raw and instance.pk is not None:
        instance.footer_flag_before_save = (
            StandardPage.objects.filter(pk=instance.pk)
            .values_list("show_in_footer", flat=True)
            .first()
        )


def footer_flag_changed(page):
    if not isinstance(page, StandardPage):
        return False
    return getattr(page, "footer_flag_before_save", None) != page.show_in_footer


@receiver(page_published, dispatch_uid="menu_or_footer_published")
@receiver(page_unpublished, dispatch_uid="menu_or_footer_unpublished")
def menu_or_footer_page_changed(sender, instance, **kwargs):
    in_footer = isinstance(instance, StandardPage) and (
        instance.show_in_footer or footer_flag_changed(instance)
    )
    if (in_footer or is_in_menu(instance)) and (
        label_changed(instance) or footer_flag_changed(instance)
    ):
        cache_tags.bump(cache_tags.SITE)


@receiver(pre_page_move, dispatch_uid="menu_or_footer_moving")
@receiver(pre_delete, dispatch_uid="menu_or_footer_deleted")
def menu_or_footer_page_gone(sender, instance, parent_page_after=None, **kwargs):
    page = getattr(instance, "specific_deferred", None)
    if page is None or not hasattr(instance, "path"):
        return
    into_menu = (
        parent_page_after is not None
        and Site.objects.filter(root_page=parent_page_after).exists()
    )
    in_footer = isinstance(page, StandardPage) and page.show_in_footer
    if in_footer or into_menu or is_in_menu(page):
        cache_tags.bump(cache_tags.SITE)


@receiver(post_save, sender=SiteSettings, dispatch_uid="site_settings_saved")
def site_settings_changed(sender, instance, created=False, **kwargs):
    if not created:  # a row appears, with its defaults, on first read
        cache_tags.bump(cache_tags.SITE)
