"""Let PostgreSQL's planner see which words are rare in the search index.

The search (articles.search_index) asks for the newest few matches of a
word. PostgreSQL then walks the index entries from the newest while it
expects matches to come soon, and otherwise reads the few matches from the
full-text indexes. With the default statistics it guesses a word it has not
sampled (a typo such as "numbb") to match one entry in two hundred, walks,
and reads all 100,000 entries in seconds. With the largest statistics target
it samples enough words to know such a word is rare. On SQLite, nothing.
"""

from django.db import migrations

COLUMNS = ("title", "body", "autocomplete")
STATISTICS = 10_000


def set_statistics(target):
    def operation(apps, schema_editor):
        if schema_editor.connection.vendor != "postgresql":
            return
        table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
        quote = schema_editor.quote_name
        columns = ", ".join(
            f"ALTER COLUMN {quote(column)} SET STATISTICS {target}" for column in COLUMNS
        )
        schema_editor.execute(f"ALTER TABLE {quote(table)} {columns}")

    return operation


class Migration(migrations.Migration):
    dependencies = [("articles", "0011_drop_trigram_search_indexes")]

    operations = [migrations.RunPython(set_statistics(STATISTICS), set_statistics(-1))]
