from django.db import migrations

from home.governance import govern_standard_pages


def grant(apps, schema_editor):
    """Moderators may edit the standard pages that already exist."""
    govern_standard_pages(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0004_standard_page"),
        ("articles", "0003_editorial_groups_and_workflow"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
