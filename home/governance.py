"""Who may edit the site's general pages (About, Contact, Privacy, ...).

Moderators keep them up to date: they get the same page permissions on each
standard page as on the articles sections (``articles.governance``). Like that
module, it takes an app registry, so migration ``home.0005`` and ``load_demo``
run the same code, and running it again changes nothing.
"""

from articles.governance import MODERATOR_PAGE_PERMISSIONS, MODERATORS


def govern_standard_pages(apps, pages=None):
    Group = apps.get_model("auth", "Group")
    GroupPagePermission = apps.get_model("wagtailcore", "GroupPagePermission")
    Permission = apps.get_model("auth", "Permission")
    if pages is None:
        pages = apps.get_model("home", "StandardPage").objects.all()
    moderators, _ = Group.objects.get_or_create(name=MODERATORS)
    permissions = Permission.objects.filter(
        content_type__app_label="wagtailcore",
        content_type__model="page",
        codename__in=MODERATOR_PAGE_PERMISSIONS,
    )
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(
                group=moderators, page_id=page.pk, permission=permission
            )
