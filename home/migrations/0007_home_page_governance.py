from django.db import migrations

from articles.governance import govern_front_pages


def govern_home_page(apps, schema_editor):
    """Editors edit the home page and submit it; Moderators publish it."""
    govern_front_pages(apps, apps.get_model("home", "HomePage").objects.all())


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0006_site_description"),
        ("articles", "0004_article_polls"),
    ]

    operations = [migrations.RunPython(govern_home_page, migrations.RunPython.noop)]
