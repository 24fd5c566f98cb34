"""Bump the cache tags (``core.cache_tags``) that a change to any page touches.

- Publishing, unpublishing, moving or deleting a page bumps the page, the
  list of its parent's children (on the pages that show it) and the lists of
  every page (sitemaps). A page's subtree is bumped too when it shows the
  page (breadcrumbs, URLs, routes) and that changed: when the page's title,
  slug or liveness changed, or it moved or was deleted. A move bumps the old
  parent and the old subtree as well.
- A view restriction (privacy setting) bumps the page it protects and its
  subtree: it decides who may see them. It bumps the page's aliases and
  their subtrees too: Wagtail checks an alias against the restrictions of
  the page it stands for.
- A Wagtail site bumps ``site``, every page: sites decide every URL.

What each app's pages show beyond that, the app bumps itself (for example
``articles.signal_handlers``, ``home.signal_handlers``).
"""

from django.db.models.signals import post_delete, post_save, pre_delete, pre_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, pre_page_move

from core import cache_tags

# What other pages show of a page: in breadcrumbs, menus and links.
LABEL_FIELDS = ("title", "slug", "live", "show_in_menus")


def remember_label(sender, instance, raw=False, update_fields=None, **kwargs):
    """Keep a page's label as stored, before a save that may change it."""
    if raw or not isinstance(instance, Page) or instance.pk is None:
        return
    if update_fields is not None and not set(LABEL_FIELDS) & set(update_fields):
        return
    instance.label_before_save = (
        Page.objects.filter(pk=instance.pk).values_list(*LABEL_FIELDS).first()
    )


def label_changed(page):
    """Whether the last save changed what other pages show of ``page``."""
    before = getattr(page, "label_before_save", None)
    return before != tuple(getattr(page, field) for field in LABEL_FIELDS)


def page_and_parent(page):
    tags = {cache_tags.page(page.pk), cache_tags.PAGE_LIST}
    parent = page.get_parent()
    if parent is not None:
        tags.add(cache_tags.children(parent.pk))
    return tags


def has_children(page):
    """Asked of the database: the instance may predate its children."""
    return Page.objects.filter(pk=page.pk, numchild__gt=0).exists()


def page_changed(sender, instance, **kwargs):
    tags = page_and_parent(instance)
    if label_changed(instance) and has_children(instance):
        tags.add(cache_tags.tree(instance.path))
    cache_tags.bump(*tags)


def page_moving(sender, instance, parent_page_after, **kwargs):
    cache_tags.bump(
        *page_and_parent(instance),
        cache_tags.children(parent_page_after.pk),
        cache_tags.tree(instance.path),
    )


def page_deleting(sender, instance, **kwargs):
    if isinstance(instance, Page):
        cache_tags.bump(*page_and_parent(instance), cache_tags.tree(instance.path))


def restriction_changed(sender, instance, **kwargs):
    pages = [(instance.page.pk, instance.page.path)]
    pages += aliases_of(instance.page.pk)
    cache_tags.bump(
        *(cache_tags.page(pk) for pk, _ in pages),
        *(cache_tags.tree(path) for _, path in pages),
    )


def aliases_of(page_id):
    """[(id, path)] of the page's aliases, and of their aliases, and so on."""
    found, sources = {}, [page_id]
    while sources:
        aliases = Page.objects.filter(alias_of__in=sources).exclude(pk__in=found)
        new = dict(aliases.values_list("pk", "path"))
        found.update(new)
        sources = list(new)
    return list(found.items())


def site_changed(sender, instance, **kwargs):
    cache_tags.bump(cache_tags.SITE)


def connect():
    pre_save.connect(remember_label, dispatch_uid="cache_tags_remember_label")
    page_published.connect(page_changed, dispatch_uid="cache_tags_published")
    page_unpublished.connect(page_changed, dispatch_uid="cache_tags_unpublished")
    pre_page_move.connect(page_moving, dispatch_uid="cache_tags_moving")
    pre_delete.connect(page_deleting, dispatch_uid="cache_tags_page_deleted")
    for name, signal in (("saved", post_save), ("deleted", post_delete)):
        signal.connect(
            restriction_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"cache_tags_restriction_{name}",
        )
        signal.connect(
            site_changed, sender=Site, dispatch_uid=f"cache_tags_site_{name}"
        )
