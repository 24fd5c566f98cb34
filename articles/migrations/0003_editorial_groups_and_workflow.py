from django.db import migrations

from articles.governance import govern_article_sections, set_up_editorial_groups


def set_up_governance(apps, schema_editor):
    """Editors and Moderators groups, and clinical review on existing sections.

    On a fresh database there is no articles section yet: ``load_demo`` and
    the admin's ``after_create_page`` hook govern sections created later.
    """
    set_up_editorial_groups(apps)
    govern_article_sections(apps)


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0002_topics_and_reviews_due"),
        ("wagtailadmin", "0006_formstate"),
        ("wagtailcore", "0097_baselogentry_uuid_action_timestamp_indexes"),
        ("wagtailimages", "0027_image_description"),
        ("wagtailsearchpromotions", "0008_query_verbose_name"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        ("auth", "0012_alter_user_first_name_max_length"),
    ]

    operations = [migrations.RunPython(set_up_governance, migrations.RunPython.noop)]
