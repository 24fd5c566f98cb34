"""SQLite's writers queue on a file lock while in their transaction, and only then."""

import fcntl
import unittest

from django.db import connection, transaction
from django.test import TransactionTestCase

from polls.models import Poll
from polls.voting import write_queue

ON_SQLITE = connection.vendor == "sqlite"


def queue_is_free():
    """True if another open file of the queue can take its lock at once."""
    with open(write_queue.queue_path(connection), "ab") as other:
        try:
            fcntl.flock(other, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            return False
        fcntl.flock(other, fcntl.LOCK_UN)
        return True


@unittest.skipUnless(ON_SQLITE, "the queue is SQLite's")
class WriteQueueTests(TransactionTestCase):
    def test_held_for_the_transaction_and_no_longer(self):
        with write_queue.atomic():
            self.assertTrue(connection.in_atomic_block)
            self.assertFalse(queue_is_free())
        self.assertTrue(queue_is_free())

    def test_released_when_the_transaction_fails(self):
        with self.assertRaises(RuntimeError):
            with write_queue.atomic():
                Poll.objects.create(question="Rolled back?")
                raise RuntimeError("the write failed")
        self.assertTrue(queue_is_free())
        self.assertFalse(Poll.objects.filter(question="Rolled back?").exists())

    def test_not_taken_inside_a_transaction_already_open(self):
        # That transaction may hold the database's lock: waiting in the queue
        # behind a writer who waits for that lock would stall both.
        with transaction.atomic():
            with write_queue.atomic():
                self.assertTrue(queue_is_free())


class OtherDatabasesTests(TransactionTestCase):
    @unittest.skipIf(ON_SQLITE, "PostgreSQL has no queue")
    def test_no_queue_elsewhere(self):
        self.assertIsNone(write_queue.queue_path(connection))
        with write_queue.atomic():
            self.assertTrue(connection.in_atomic_block)
