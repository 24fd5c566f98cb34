"""On SQLite, the services' writers wait their turn in the kernel, not in a sleep.

SQLite lets one writer in at a time. A writer that finds the database
locked sleeps in SQLite's busy handler, for longer and longer between
looks. A vote holds the lock for a small part of the first of those
sleeps, so a worker that had to wait slept well past the moment it could
have gone on, and the CPU stood idle meanwhile.

So ``atomic`` first takes an exclusive ``flock`` on a file beside the
database (``<database>-queue``). A waiting worker sleeps in the kernel and
wakes the moment the other one commits. The database's own lock still
decides what is safe: this only puts the services' writers in line, and
any other writer (the admin, a command) meets the busy handler as before.
The kernel drops the lock with the process that held it, so a killed
worker never leaves it taken. On other databases, in memory, inside a
transaction that is already open (its lock is held, and queueing behind
another writer could then wait on this one), or where the file cannot be
opened, ``atomic`` is ``transaction.atomic``.
"""

import contextlib
import fcntl
import os
import threading

from django.db import DEFAULT_DB_ALIAS, connections, transaction

# One open file per thread and process: flock() puts separately opened
# files in line with each other, also within one process (runserver's
# threads), but a file inherited across fork() would share its lock.
_files = threading.local()


@contextlib.contextmanager
def atomic(using=DEFAULT_DB_ALIAS):
    """``transaction.atomic(using)``, entered in turn with the other writers."""
    connection = connections[using]
    queue = None if connection.in_atomic_block else _queue_file(connection)
    if queue is None:
        with transaction.atomic(using=using):
            yield
        return
    fcntl.flock(queue, fcntl.LOCK_EX)
    try:
        with transaction.atomic(using=using):
            yield
    finally:
        fcntl.flock(queue, fcntl.LOCK_UN)


def queue_path(connection):
    """The file writers queue on, or None where there is no queue."""
    if connection.vendor != "sqlite" or connection.is_in_memory_db():
        return None
    return f"{connection.settings_dict['NAME']}-queue"


def _queue_file(connection):
    path = queue_path(connection)
    if path is None:
        return None
    if getattr(_files, "pid", None) != os.getpid():
        _files.pid, _files.opened = os.getpid(), {}
    queue = _files.opened.get(path)
    if queue is None:
        try:
            queue = _files.opened[path] = open(path, "ab")  # noqa: SIM115 (kept open)
        except OSError:
            return None
    return queue
