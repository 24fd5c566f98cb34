"""config.postgresql: a health check that sees an ended session without a query."""

import time
from unittest import mock

from django.db import DatabaseError, connection, connections
from django.test import TestCase

from conftest import require_service


class HealthCheckTests(TestCase):
    def setUp(self):
        require_service("DATABASE_URL", "PostgreSQL")
        self.other = connection.copy()  # its own session, outside the test's
        self.addCleanup(self.other.close)
        self.other.ensure_connection()

    def test_an_idle_connection_is_usable_without_a_query(self):
        no_query = AssertionError("the health check sent a query")
        with mock.patch.object(self.other.connection, "cursor", side_effect=no_query):
            self.assertTrue(self.other.is_usable())

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

    def test_the_site_uses_this_backend(self):
        backend = type(connections["default"])
        self.assertEqual(backend.__module__, "config.postgresql.base")
