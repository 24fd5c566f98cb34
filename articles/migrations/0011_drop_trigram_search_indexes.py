"""Drop the trigram indexes on the search index's text.

The search no longer compares a typo with every article's text; it suggests
the closest indexed word instead (articles.finding), so these indexes only
slow every index update. On SQLite there are none.
"""

from django.db import migrations

INDEXED_COLUMNS = ("title_text", "body_text")


def drop_trigram_indexes(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    quote = schema_editor.quote_name
    for column in INDEXED_COLUMNS:
        schema_editor.execute(
            f"DROP INDEX IF EXISTS {quote(f'articles_search_{column}_trgm')}"
        )


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


class Migration(migrations.Migration):
    dependencies = [("articles", "0010_page_creation")]

    operations = [migrations.RunPython(drop_trigram_indexes, create_trigram_indexes)]
