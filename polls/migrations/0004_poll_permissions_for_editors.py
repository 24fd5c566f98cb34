from django.contrib.auth.management import create_permissions
from django.db import migrations

GROUPS = ["Editors", "Moderators"]
PERMISSIONS = ["add_poll", "change_poll", "delete_poll", "view_poll"]


def grant(apps, schema_editor):
    """Editors manage polls (the snippets); answered polls are protected in the admin."""
    app_config = apps.get_app_config("polls")
    app_config.models_module = True
    create_permissions(app_config, apps=apps, verbosity=0)

    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="polls", codename__in=PERMISSIONS
    )
    for name in GROUPS:
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    permissions = Permission.objects.filter(
        content_type__app_label="polls", codename__in=PERMISSIONS
    )
    for group in Group.objects.filter(name__in=GROUPS):
        group.permissions.remove(*permissions)


class Migration(migrations.Migration):
    dependencies = [("polls", "0003_results_permission_for_editors")]

    operations = [migrations.RunPython(grant, revoke)]
