"""Scenario 5's method: the small site kept as a copy, both sizes timed in turn."""

import sqlite3
import tempfile
from argparse import Namespace
from pathlib import Path
from unittest import mock

from django.test import SimpleTestCase

from bench import run
from bench.server import copy_database


class CopyDatabaseTests(SimpleTestCase):
    def test_the_copy_holds_the_rows_and_stays_apart(self):
        with tempfile.TemporaryDirectory() as folder:
            source = Path(folder) / "site.sqlite3"
            with sqlite3.connect(source) as db:
                db.execute("CREATE TABLE votes (n INTEGER)")
                db.executemany("INSERT INTO votes VALUES (?)", [(1,), (2,)])
            url = copy_database(
                {"DATABASE_URL": f"sqlite:///{source}"}, Path(folder) / "copy.sqlite3"
            )
            with sqlite3.connect(source) as db:
                db.execute("INSERT INTO votes VALUES (3)")
            copy = sqlite3.connect(url.removeprefix("sqlite:///"))
            self.assertEqual(copy.execute("SELECT SUM(n) FROM votes").fetchone(), (3,))
            copy.close()


class TimeReportsTests(SimpleTestCase):
    def test_the_sizes_alternate_and_each_view_takes_its_median(self):
        args = Namespace(articles=10, small_votes=10, large_votes=100)
        env = {"DATABASE_URL": "sqlite:///site.sqlite3"}
        small = iter([{"panel": 5.0}, {"panel": 1.0}, {"panel": 2.0}])
        large = iter([{"panel": 9.0}, {"panel": 3.0}, {"panel": 4.0}])
        order = []

        def timings(site_env, label):
            order.append(site_env["DATABASE_URL"])
            return next(small if "small" in site_env["DATABASE_URL"] else large)

        with (
            mock.patch.object(run, "copy_database", return_value="sqlite:///small"),
            mock.patch.object(run, "generate") as generate,
            mock.patch.object(run, "report_timings", side_effect=timings),
            mock.patch.object(run, "say"),
            mock.patch.object(run, "REPORT_ROUNDS", 3),
        ):
            reports = run.time_reports(env, args, Path("work"))
        self.assertEqual(reports, {"1k": {"panel": 2.0}, "1m": {"panel": 4.0}})
        self.assertEqual(order, ["sqlite:///small", "sqlite:///site.sqlite3"] * 3)
        generate.assert_called_once_with(env, 10, 100)

    def test_without_the_large_site_only_the_small_is_timed(self):
        args = Namespace(articles=10, small_votes=10, large_votes=0)
        with (
            mock.patch.object(run, "report_timings", return_value={"panel": 1.0}),
            mock.patch.object(run, "generate") as generate,
        ):
            reports = run.time_reports({}, args, Path("work"))
        self.assertEqual(reports, {"1k": {"panel": 1.0}})
        generate.assert_not_called()
