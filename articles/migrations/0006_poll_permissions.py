from django.db import migrations

from articles.governance import grant_poll_permissions


def grant(apps, schema_editor):
    """Editors and Moderators read poll results, triage comments, manage polls.

    Polls' own migrations 0003 and 0004 used to grant these; they are no-ops
    now, since polls is reusable and knows no groups. On a database that ran
    them this adds nothing (the grants are already there); on a fresh one it
    makes the same grants.
    """
    grant_poll_permissions(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0005_trigram_search"),
        ("polls", "0004_poll_permissions_for_editors"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(grant, migrations.RunPython.noop)]
