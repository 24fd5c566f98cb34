from django.db import migrations

from articles.governance import use_review_task


def switch(apps, schema_editor):
    """The Clinical review workflow's task becomes a ClinicalReviewTask, whose
    approval records the medical review; Moderators stay its approvers."""
    use_review_task(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0008_clinical_review_task"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
    ]

    operations = [migrations.RunPython(switch, migrations.RunPython.noop)]
