"""An index of Wagtail's pages by type, newest first.

The home page and the feed list the newest articles of the site: pages of
one type under a root, by first publication. Wagtail indexes the type and
the date apart, and SQLite's planner, which expects a type to hold many
pages, takes the type's index and sorts every article to keep 20. With the
date after the type, the database walks the type's newest pages and stops
after 20, however many articles there are.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [("core", "0001_page_tree_index")]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS core_page_type_newest "
            "ON wagtailcore_page (content_type_id, first_published_at, id)",
            "DROP INDEX IF EXISTS core_page_type_newest",
        )
    ]
