"""Two test runs at once never share a database file or media folder."""

import os
import subprocess
import sys
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

SHOW = (
    "import django; django.setup(); from django.conf import settings; "
    "print(settings.DATABASES['default']['TEST']['NAME']); print(settings.MEDIA_ROOT)"
)


def start_run(**env):
    """What a new test process (a run, or an xdist worker) would use."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("TEST_RUN_DIR", "DATABASE_URL")
    }
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.test", **env)
    output = subprocess.run(
        [sys.executable, "-c", SHOW],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    database, media = output.split()
    return Path(database), Path(media)


class TestRunFolderTests(SimpleTestCase):
    def test_two_runs_get_their_own_database_and_media_outside_the_project(self):
        first, second = start_run(), start_run()
        self.assertNotEqual(first[0].parent, second[0].parent)
        for database, media in (first, second):
            self.assertEqual(media.parent, database.parent)
            self.assertNotIn(Path(settings.BASE_DIR), database.parents)
            self.assertFalse(database.parent.exists(), "the run removes it at exit")

    def test_workers_of_one_run_share_its_folder(self):
        run_dir = settings.TEST_RUN_DIR
        database, _ = start_run(TEST_RUN_DIR=run_dir)
        self.assertEqual(database.parent, Path(run_dir))
        self.assertTrue(Path(run_dir).exists(), "a worker must not remove it")


def redis_locations(**env):
    """The cache locations a test process would use with ``env``."""
    environment = {
        key: value
        for key, value in os.environ.items()
        if key not in ("REDIS_URL", "PYTEST_XDIST_WORKER")
    }
    environment.update(DJANGO_SETTINGS_MODULE="config.settings.test", **env)
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(*sorted({c['LOCATION'] for c in settings.CACHES.values()}))",
        ],
        cwd=settings.BASE_DIR,
        env=environment,
        capture_output=True,
        text=True,
    )


class RedisPerWorkerTests(SimpleTestCase):
    """Clearing a Redis cache empties its database: workers must not share one."""

    def test_each_worker_gets_its_own_redis_database(self):
        url = "redis://127.0.0.1:6379/15"
        alone = redis_locations(REDIS_URL=url).stdout.split()
        first = redis_locations(REDIS_URL=url, PYTEST_XDIST_WORKER="gw0").stdout
        second = redis_locations(REDIS_URL=url, PYTEST_XDIST_WORKER="gw1").stdout
        self.assertEqual(alone, [url])
        self.assertEqual(first.split(), [url])
        self.assertEqual(second.split(), ["redis://127.0.0.1:6379/14"])

    def test_too_few_databases_is_a_clear_error(self):
        result = redis_locations(
            REDIS_URL="redis://127.0.0.1:6379/0", PYTEST_XDIST_WORKER="gw1"
        )
        self.assertNotEqual(result.returncode, 0)
        self.assertIn("leaves no Redis database for xdist worker 1", result.stderr)
