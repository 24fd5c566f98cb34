"""Keep the database's query planner informed of the tables' sizes.

SQLite plans queries from the statistics ``ANALYZE`` stores, and never
gathers them itself. Without them, a query joining a small table to
Wagtail's page table may scan every page (the footer's pages, on every
request; docs/performance.md has the figure). An empty table gets no statistics
at all, and SQLite then guesses it is large: Wagtail's check for private
pages (``PageQuerySet.public``, which joins the empty view-restrictions
table to the pages) scanned every page on each listing. So after ANALYZE,
each table it left out is recorded as holding one row, which SQLite's
documentation allows ("sqlite_stat1 ... may be changed by the
application").

PostgreSQL's autovacuum keeps its own statistics; ``refresh`` asks it for
fresh ones at once after a bulk change, such as an import.
"""

from django.db import connection


def refresh(using=connection):
    """Gather the planner's statistics now (seconds at 100,000 articles)."""
    with using.cursor() as cursor:
        cursor.execute("ANALYZE")
        if using.vendor == "sqlite":
            record_empty_tables(cursor, using)


def record_empty_tables(cursor, using):
    counted = {
        row[0] for row in cursor.execute("SELECT tbl FROM sqlite_stat1").fetchall()
    }
    for table in using.introspection.table_names(cursor):
        if table not in counted and not table.startswith("sqlite_"):
            cursor.execute(
                "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (%s, NULL, '1')",
                [table],
            )


def refresh_after_migrate(sender, using="default", **kwargs):
    """SQLite only: PostgreSQL's autovacuum analyses tables that change."""
    from django.db import connections

    if connections[using].vendor == "sqlite":
        refresh(connections[using])
