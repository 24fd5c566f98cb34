"""Faults the soak injects while readers vote.

Each returns a line describing what happened, for the summary, and raises
``FaultFailed`` when the fault could not be made or the site did not recover
from it (gunicorn did not replace its worker).
"""

import os
import random
import signal
import subprocess
import time

import psycopg

from bench.server import PYTHON


class FaultFailed(Exception):
    pass


def kill_worker(server, rng=random):
    """SIGKILL one gunicorn worker mid-request; gunicorn must start another."""
    before = server.worker_pids()
    if not before:
        raise FaultFailed("gunicorn has no workers to kill")
    victim = rng.choice(before)
    os.kill(victim, signal.SIGKILL)
    deadline = time.monotonic() + 15
    while time.monotonic() < deadline:
        now = server.worker_pids()
        if victim not in now and len(now) >= len(before):
            replacements = sorted(set(now) - set(before))
            return (
                f"worker {victim} SIGKILLed, replaced by "
                f"{', '.join(map(str, replacements))}"
            )
        time.sleep(0.1)
    raise FaultFailed(f"gunicorn did not replace worker {victim} within 15 s")


# Another process takes SQLite's write lock (as a backup or a long import
# would) and holds it; readers (WAL) carry on, writers queue on busy_timeout.
HOLD_SQLITE_LOCK = """
import sqlite3, sys, time
db = sqlite3.connect(sys.argv[1], isolation_level=None)
db.execute("BEGIN IMMEDIATE")
print("locked", flush=True)
time.sleep(float(sys.argv[2]))
db.execute("ROLLBACK")
"""


def hold_sqlite_lock(path, seconds):
    started = time.monotonic()
    process = subprocess.Popen(
        [PYTHON, "-c", HOLD_SQLITE_LOCK, str(path), str(seconds)],
        stdout=subprocess.PIPE,
        text=True,
    )
    if process.stdout.readline().strip() != "locked":
        process.wait()
        raise FaultFailed("could not take the SQLite write lock")
    process.wait()
    return (
        f"SQLite write lock held by another process for "
        f"{time.monotonic() - started:.1f} s"
    )


def cut_postgres(server_url, database, seconds):
    """Kill every backend of ``database`` and refuse new connections for a while.

    What clients see of a server restart (connections dropped, then refused)
    without restarting a PostgreSQL server other databases may be using.
    """
    with psycopg.connect(f"{server_url}/postgres", autocommit=True) as admin:
        admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS false')
        try:
            killed = admin.execute(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity "
                "WHERE datname = %s AND pid <> pg_backend_pid()",
                [database],
            ).fetchone()[0]
            time.sleep(seconds)
        finally:
            admin.execute(f'ALTER DATABASE "{database}" ALLOW_CONNECTIONS true')
    return (
        f"PostgreSQL: {killed} backends terminated, connections refused for "
        f"{seconds:.1f} s"
    )
