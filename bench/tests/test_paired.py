"""Rows 2-4: each run against the static file served just before it."""

from types import SimpleNamespace
from unittest import mock

from django.test import SimpleTestCase

from bench import paired
from bench.table import table


class PairedRunsTests(SimpleTestCase):
    def test_each_run_follows_a_static_run_and_the_median_ratio_wins(self):
        server = SimpleNamespace(base_url="http://127.0.0.1:1", worker_pids=lambda: [])
        calls = []
        statics = iter([1000.0, 500.0, 800.0])
        rates = iter([150.0, 100.0, 120.0])

        def fake_wrk(url, duration, serving=None):
            calls.append("static")
            return {"requests_per_second": next(statics)}

        def measure():
            calls.append("row")
            return {"requests_per_second": next(rates)}

        with mock.patch.object(paired, "wrk", side_effect=fake_wrk):
            row = paired.paired_runs(server, measure, 10, repeat=3)
        self.assertEqual(calls, ["static", "row"] * 3)
        self.assertEqual(row["ratios"], [0.15, 0.2, 0.15])
        self.assertEqual(row["ratio"], 0.15)
        self.assertNotIn("exact", row)

    def test_a_given_static_run_is_the_first_pair(self):
        server = SimpleNamespace(base_url="http://127.0.0.1:1", worker_pids=lambda: [])
        with mock.patch.object(paired, "wrk") as fake_wrk:
            row = paired.paired_runs(
                server,
                lambda: {"requests_per_second": 90.0},
                10,
                static={"requests_per_second": 100.0},
            )
        fake_wrk.assert_not_called()
        self.assertEqual(row["ratio"], 0.9)

    def test_the_table_judges_the_article_by_its_paired_ratio(self):
        static = {"requests_per_second": 4000.0, "p50_ms": 7, "p99_ms": 9}
        static["machine_idle"] = 0.0
        uncached = {
            "requests_per_second": 500.0,
            "p50_ms": 50,
            "p99_ms": 90,
            "ratio": 0.16,
            "ratios": [0.16],
            "static_requests_per_second": 3125.0,
        }
        text = table({"scenarios": {"static": static, "uncached": uncached}})
        self.assertIn("0.16", text.splitlines()[2])
        self.assertIn("yes", text.splitlines()[2])
        self.assertIn("article, uncached: × the static file run just before it", text)
