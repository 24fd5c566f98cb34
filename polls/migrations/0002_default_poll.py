from django.db import migrations

QUESTION = "Was this article helpful?"


def create_default_poll(apps, schema_editor):
    """The site's default poll, "Was this article helpful?" Yes / No, shown everywhere."""
    Poll = apps.get_model("polls", "Poll")
    Choice = apps.get_model("polls", "Choice")
    PollSettings = apps.get_model("polls", "PollSettings")
    Site = apps.get_model("wagtailcore", "Site")

    poll, created = Poll.objects.get_or_create(
        question=QUESTION,
        defaults={"follow_up_question": "What was wrong with it?"},
    )
    if created:
        Choice.objects.create(poll=poll, label="Yes", sentiment="positive", sort_order=0)
        Choice.objects.create(poll=poll, label="No", sentiment="negative", sort_order=1)
    for site in Site.objects.all():
        settings, _ = PollSettings.objects.get_or_create(site=site)
        if settings.default_poll_id is None:
            settings.default_poll = poll
            settings.save(update_fields=["default_poll"])


class Migration(migrations.Migration):
    dependencies = [
        ("polls", "0001_initial"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(create_default_poll, migrations.RunPython.noop)]
