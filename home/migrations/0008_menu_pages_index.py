"""An index of the pages shown in menus.

The main menu lists the home page's children that are live and "Show in
menus". Wagtail finds children by depth and a range of tree paths, a range
that holds every page under the home page: 100,000 rows for a menu of five
at 100,000 articles. Only the few pages shown in menus are in this partial
index, so the menu reads only them, on SQLite and on PostgreSQL.
"""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("home", "0007_home_page_governance"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [
        migrations.RunSQL(
            "CREATE INDEX IF NOT EXISTS home_menu_pages "
            "ON wagtailcore_page (depth, path) WHERE show_in_menus",
            "DROP INDEX IF EXISTS home_menu_pages",
        )
    ]
