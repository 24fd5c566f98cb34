"""Start the real site (gunicorn, production settings) on a free loopback port.

Shared by the benchmark (bench/run.py) and the soak test (bench/soak.py):
each run gets its own folder for the SQLite database, media and page cache,
and everything started here is stopped when the ``with`` block ends.
"""

import contextlib
import json
import os
import secrets
import signal
import socket
import sqlite3
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
BROWSER_AGENT = "Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 Safari/537.36 bench"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def site_environment(workdir, database_url=None, **overrides):
    """Production settings for a throwaway site living in ``workdir``."""
    workdir = Path(workdir)
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "ALLOWED_HOSTS": "127.0.0.1,localhost",
        "DATABASE_URL": database_url or f"sqlite:///{workdir / 'site.sqlite3'}",
        "MEDIA_ROOT": str(workdir / "media"),
        "PAGE_CACHE_DIR": str(workdir / "page-cache"),
        "STATIC_ROOT": str(workdir / "static"),
        # Plain HTTP on loopback, no proxy in front: no HTTPS redirect, no
        # secure-only cookies, clients' own addresses.
        "BEHIND_PROXY": "0",
        "SECURE_SSL_REDIRECT": "0",
        "SECURE_COOKIES": "0",
        # Many distinct readers from one address: lift the network limit.
        "POLLS_RATE_LIMIT_READER": "1000000/60",
        "POLLS_RATE_LIMIT_NETWORK": "1000000/60",
        "PYTHONUNBUFFERED": "1",
    }
    env.update({key: str(value) for key, value in overrides.items()})
    return env


def manage(env, *args, quiet=True):
    """Run a management command against the throwaway site."""
    subprocess.run(
        [PYTHON, "manage.py", *args],
        cwd=ROOT,
        env=env,
        check=True,
        stdout=subprocess.DEVNULL if quiet else None,
    )


def run_json(env, module, *args, data=None):
    """Run ``python -m module *args`` in the site; return the JSON it prints last."""
    output = subprocess.run(
        [PYTHON, "-m", module, *args],
        input=None if data is None else json.dumps(data),
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    return json.loads(output.strip().splitlines()[-1])


def django_shell(env, code):
    return subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def generate(env, articles, votes):
    subprocess.run(
        [
            PYTHON,
            "-m",
            "bench.data",
            "--articles",
            str(articles),
            "--votes",
            str(votes),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )


def copy_database(env, target):
    """A copy of the site's SQLite database at ``target``; its URL."""
    source = sqlite3.connect(env["DATABASE_URL"].removeprefix("sqlite:///"))
    copy = sqlite3.connect(target)
    try:
        source.backup(copy)
    finally:
        copy.close()
        source.close()
    return f"sqlite:///{target}"


def prepare_site(env, port):
    """Migrate, load the demo content and collect static files."""
    manage(env, "migrate", "--noinput")
    manage(env, "load_demo", "--site-host", "127.0.0.1", "--site-port", str(port))
    manage(env, "collectstatic", "--noinput")


class Server:
    """gunicorn with ``workers`` sync workers; a context manager."""

    def __init__(self, env, port, workers=2, log_path=None, headers=None):
        self.env, self.port, self.workers = env, port, workers
        # What a proxy in front would add (e.g. X-Forwarded-Proto), if any.
        self.headers = headers or {}
        self.base_url = f"http://127.0.0.1:{port}"
        self.log_path = log_path
        self.process = None

    def __enter__(self):
        log = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL
        self.process = subprocess.Popen(
            [
                PYTHON,
                "-m",
                "gunicorn",
                "config.wsgi",
                "--config",
                "config/gunicorn.py",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                str(self.workers),
                "--max-requests",
                "0",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=log,
            stderr=log,
            start_new_session=True,
        )
        self.wait_until_ready()
        return self

    def __exit__(self, *exc):
        self.stop()

    def stop(self):
        if self.process and self.process.poll() is None:
            with contextlib.suppress(ProcessLookupError):
                os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()

    def wait_until_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
            request = urllib.request.Request(self.base_url + "/", headers=self.headers)
            try:
                with urllib.request.urlopen(request, timeout=2) as reply:
                    if reply.status == 200:
                        return
            except OSError:
                time.sleep(0.2)
        raise RuntimeError(f"gunicorn did not answer on {self.base_url} in {timeout}s")

    def worker_pids(self):
        """The pids of the master's current workers."""
        result = subprocess.run(
            ["ps", "-o", "pid=", "--ppid", str(self.process.pid)],
            capture_output=True,
            text=True,
        )
        return [int(pid) for pid in result.stdout.split()]


@contextlib.contextmanager
def workspace(prefix):
    with tempfile.TemporaryDirectory(prefix=prefix) as folder:
        yield Path(folder)


def fetch(url, headers=None):
    request = urllib.request.Request(
        url, headers={"User-Agent": BROWSER_AGENT, **(headers or {})}
    )
    with urllib.request.urlopen(request, timeout=10) as reply:
        return reply.read()
