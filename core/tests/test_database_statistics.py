from django.db import connection
from django.test import TestCase

from core import database_statistics


class RefreshTests(TestCase):
    def test_sqlite_records_every_table_an_empty_one_as_small(self):
        if connection.vendor != "sqlite":
            self.skipTest("SQLite keeps its statistics in sqlite_stat1")
        database_statistics.refresh()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT stat FROM sqlite_stat1 WHERE tbl = %s AND idx IS NULL",
                ["wagtailcore_pageviewrestriction"],
            )
            self.assertEqual(cursor.fetchall(), [("1",)])
            cursor.execute(
                "SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s", ["wagtailcore_page"]
            )
            self.assertGreater(cursor.fetchone()[0], 0)

    def test_refreshing_twice_records_each_empty_table_once(self):
        if connection.vendor != "sqlite":
            self.skipTest("SQLite keeps its statistics in sqlite_stat1")
        database_statistics.refresh()
        database_statistics.refresh()
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT count(*) FROM sqlite_stat1 WHERE tbl = %s",
                ["wagtailcore_pageviewrestriction"],
            )
            self.assertEqual(cursor.fetchone()[0], 1)
