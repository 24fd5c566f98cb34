"""The vote path's statements are prepared once per PostgreSQL session."""

from django.db import DatabaseError, connection, transaction
from django.test.utils import CaptureQueriesContext

from conftest import require_service
from polls import prepared
from polls.models import Response
from polls.testing import VoteTestCase


class PreparedTests(VoteTestCase):
    def prepared_statements(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            return [statement for (statement,) in cursor.fetchall()]

    def setUp(self):
        super().setUp()
        require_service("DATABASE_URL", "PostgreSQL")
        self.assertEqual(connection.vendor, "postgresql")

    def test_a_vote_prepares_its_lookup_and_its_insert_once(self):
        self.vote(self.yes, js=True)
        self.client.cookies.clear()
        self.vote(self.yes, js=True)
        statements = self.prepared_statements()
        inserts = [s for s in statements if 'INSERT INTO "polls_response"' in s]
        lookups = [s for s in statements if 'FROM "wagtailcore_page" p' in s]
        self.assertEqual((len(inserts), len(lookups)), (1, 1))
        self.assertEqual(Response.objects.count(), 2)

    def test_a_failed_transaction_leaves_the_next_vote_working(self):
        self.vote(self.yes, js=True)
        with self.assertRaises(DatabaseError), transaction.atomic():
            with prepared.cursor() as cursor:
                cursor.execute("SELECT 1 / %s", [0])
        self.client.cookies.clear()
        self.assertEqual(self.vote(self.no, js=True).status_code, 200)
        self.assertEqual(Response.objects.filter(choice=self.no).count(), 1)

    def test_queries_are_still_counted(self):
        self.vote(self.yes, js=True)
        self.client.cookies.clear()
        with self.assertNumQueries(1):  # a first answer is one statement
            self.vote(self.yes, js=True)


class SQLiteStatementTextTests(VoteTestCase):
    """On SQLite the placeholders of each statement are rewritten once."""

    def setUp(self):
        super().setUp()
        if connection.vendor != "sqlite":
            self.skipTest("SQLite's cursor only")

    def test_a_statement_is_rewritten_once_and_runs_as_django_runs_it(self):
        prepared._qmark_query.cache_clear()
        for number in (1, 2):
            with prepared.cursor() as cursor:
                cursor.execute("SELECT '100%%', %s, '%%s'", [number])
                self.assertEqual(cursor.fetchone(), ("100%", number, "%s"))
        info = prepared._qmark_query.cache_info()
        self.assertEqual((info.misses, info.hits), (1, 1))

    def test_queries_are_still_logged(self):
        with CaptureQueriesContext(connection) as queries:
            self.assertEqual(self.vote(self.yes, js=True).status_code, 200)
        statements = [
            query["sql"].split(" (")[0]
            for query in queries
            if "SAVEPOINT" not in query["sql"]
        ]
        self.assertEqual(len(statements), 5)  # lookup, insert, three counters
        self.assertIn('INSERT OR IGNORE INTO "polls_response"', statements)
