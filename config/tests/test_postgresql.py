"""PostgreSQL: Django's health check sees an ended session, and the vote's
statement is prepared once per session (the database OPTIONS)."""

import time

from django.db import DatabaseError, connection, transaction
from django.test import TestCase

from conftest import require_service
from polls.models import Response
from polls.testing import VoteTestCase


class HealthCheckTests(TestCase):
    def setUp(self):
        require_service("DATABASE_URL", "PostgreSQL")
        self.other = connection.copy()  # its own session, outside the test's
        self.addCleanup(self.other.close)
        self.other.ensure_connection()

    def test_a_session_the_server_ended_is_not_usable(self):
        with self.other.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            [pid] = cursor.fetchone()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_terminate_backend(%s)", [pid])
            self.assertTrue(cursor.fetchone()[0])
        deadline = time.monotonic() + 5
        while self.other.is_usable() and time.monotonic() < deadline:
            time.sleep(0.01)
        self.assertFalse(self.other.is_usable())

    def test_a_connection_in_a_failed_transaction_is_not_usable(self):
        self.other.set_autocommit(False)
        with self.assertRaises(DatabaseError), self.other.cursor() as cursor:
            cursor.execute("SELECT 1/0")
        self.assertFalse(self.other.is_usable())


class PreparedStatementTests(VoteTestCase):
    def prepared_statements(self):
        with connection.cursor() as cursor:
            cursor.execute("SELECT statement FROM pg_prepared_statements")
            return [statement for (statement,) in cursor.fetchall()]

    def setUp(self):
        super().setUp()
        require_service("DATABASE_URL", "PostgreSQL")
        self.assertEqual(connection.vendor, "postgresql")

    def vote_as_new_readers(self, times):
        for _ in range(times):
            self.client.cookies.clear()
            self.assertEqual(self.vote(self.yes, js=True).status_code, 200)

    def test_the_votes_statement_is_prepared_once(self):
        threshold = connection.settings_dict["OPTIONS"]["prepare_threshold"]
        self.vote_as_new_readers(threshold + 2)
        statements = self.prepared_statements()
        inserts = [s for s in statements if 'INSERT INTO "polls_response"' in s]
        lookups = [s for s in statements if 'FROM "wagtailcore_page" p' in s]
        self.assertEqual((len(inserts), len(lookups)), (1, 1))
        self.assertEqual(Response.objects.count(), threshold + 2)

    def test_a_failed_transaction_leaves_the_next_vote_working(self):
        self.vote(self.yes, js=True)
        with self.assertRaises(DatabaseError), transaction.atomic():
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1 / %s", [0])
        self.client.cookies.clear()
        self.assertEqual(self.vote(self.no, js=True).status_code, 200)
        self.assertEqual(Response.objects.filter(choice=self.no).count(), 1)

    def test_queries_are_still_counted(self):
        self.vote_as_new_readers(6)
        with self.assertNumQueries(1):  # a first answer is one statement
            self.vote_as_new_readers(1)
