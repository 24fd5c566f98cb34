import uuid

from django.db import migrations


def create_homepage(apps, schema_editor):
    """Replace Wagtail's placeholder root page with our HomePage.

    The default site is pointed at the new page *before* the placeholder is
    deleted, so the Site row (and any per-site settings other apps attached
    to it in their own migrations) survives.
    """
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    Site = apps.get_model("wagtailcore.Site")
    HomePage = apps.get_model("home.HomePage")
    Locale = apps.get_model("wagtailcore.Locale")

    homepage_content_type, _ = ContentType.objects.get_or_create(
        model="homepage", app_label="home"
    )
    homepage = HomePage.objects.create(
        title="Health Answers",
        draft_title="Health Answers",
        slug="home",
        content_type=homepage_content_type,
        path="00010002",
        depth=2,
        numchild=0,
        url_path="/home/",
        locale=Locale.objects.order_by("pk").first(),
        translation_key=uuid.uuid4(),
    )
    site = Site.objects.filter(is_default_site=True).first() or Site(
        is_default_site=True
    )
    site.hostname, site.port, site.site_name = "localhost", 80, "Health Answers"
    site.root_page = homepage
    site.save()

    page_content_type = ContentType.objects.get(model="page", app_label="wagtailcore")
    Page.objects.filter(content_type=page_content_type, slug="home", depth=2).delete()
    Page.objects.filter(depth=1).update(numchild=Page.objects.filter(depth=2).count())


def remove_homepage(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    HomePage = apps.get_model("home.HomePage")
    HomePage.objects.filter(slug="home", depth=2).delete()
    ContentType.objects.filter(model="homepage", app_label="home").delete()


class Migration(migrations.Migration):
    dependencies = [("home", "0001_initial")]

    operations = [migrations.RunPython(create_homepage, remove_homepage)]
