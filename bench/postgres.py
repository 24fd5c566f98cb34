"""The bench's own PostgreSQL database, on the machine's server.

``BENCH_POSTGRES_DATABASE`` (default ``bench_health``) names the database
each run drops and creates, so two runs on one server keep apart.
"""

import os
import subprocess

from bench.server import PYTHON

POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
POSTGRES_DATABASE = os.environ.get("BENCH_POSTGRES_DATABASE", "bench_health")
POSTGRES_URL = f"{POSTGRES_SERVER}/{POSTGRES_DATABASE}"


def postgres_available():
    code = (
        "import psycopg, sys;"
        "psycopg.connect(sys.argv[1] + '/postgres', connect_timeout=3).close()"
    )
    command = [PYTHON, "-c", code, POSTGRES_SERVER]
    return subprocess.run(command, capture_output=True).returncode == 0


def recreate_postgres_database():
    code = (
        "import psycopg, sys\n"
        "with psycopg.connect(sys.argv[1] + '/postgres', autocommit=True) as c:\n"
        "    c.execute(f'DROP DATABASE IF EXISTS \"{sys.argv[2]}\" WITH (FORCE)')\n"
        "    c.execute(f'CREATE DATABASE \"{sys.argv[2]}\"')\n"
    )
    subprocess.run([PYTHON, "-c", code, POSTGRES_SERVER, POSTGRES_DATABASE], check=True)


def postgres_backend_pids():
    """The PostgreSQL server's processes serving the bench database."""
    import psycopg

    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        rows = connection.execute(
            "SELECT pid FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    return [pid for (pid,) in rows]


def ensure_database(name, recreate=False):
    """Make sure database ``name`` exists on the server (afresh if ``recreate``)."""
    code = (
        "import psycopg, sys\n"
        "name, recreate = sys.argv[2], sys.argv[3] == '1'\n"
        "with psycopg.connect(sys.argv[1] + '/postgres', autocommit=True) as c:\n"
        "    if recreate:\n"
        "        c.execute(f'DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)')\n"
        "    query = 'SELECT 1 FROM pg_database WHERE datname = %s'\n"
        "    if not c.execute(query, [name]).fetchone():\n"
        "        c.execute(f'CREATE DATABASE \"{name}\"')\n"
    )
    command = [PYTHON, "-c", code, POSTGRES_SERVER, name, "1" if recreate else "0"]
    subprocess.run(command, check=True)
