from django.db import migrations


class Migration(migrations.Migration):
    """Once granted the results permissions to the site's groups.

    polls knows no groups: a site grants polls' permissions to its own
    (this site: ``articles.0006``). Kept, doing nothing, because deployed
    databases have applied it and other migrations depend on it.
    """

    dependencies = [
        ("polls", "0002_default_poll"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [
        migrations.RunPython(migrations.RunPython.noop, migrations.RunPython.noop)
    ]
