"""pg_trgm for the search's typo-forgiving fallback (articles.finding).

On SQLite both steps do nothing: the fallback is used only on PostgreSQL.
"""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEXED_COLUMNS = ("title_text", "body_text")


def create_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    quote = schema_editor.quote_name
    for column in INDEXED_COLUMNS:
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {quote(f'articles_search_{column}_trgm')} "
            f"ON {quote(table)} USING gin ({quote(column)} gin_trgm_ops)"
        )


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    for column in INDEXED_COLUMNS:
        schema_editor.execute(
            f"DROP INDEX IF EXISTS {quote(f'articles_search_{column}_trgm')}"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("articles", "0004_article_polls"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        TrigramExtension(),
        migrations.RunPython(create_trigram_indexes, drop_trigram_indexes),
    ]
