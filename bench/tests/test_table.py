"""The bench's table: where a vote's CPU went, and how idle the machine was."""

from django.test import SimpleTestCase

from bench.measure import idle_share, machine_cpu
from bench.paired import median_run
from bench.table import cpu_line, ratio_line, report_rows, table

STATIC = {
    "requests_per_second": 4000.0,
    "p50_ms": 8.0,
    "p99_ms": 12.0,
    "machine_idle": 0.01,
}


def votes(**extra):
    return {
        **STATIC,
        "requests_per_second": 1000.0,
        "sent": 10,
        "acknowledged": 10,
        "refused": 0,
        "stored": 10,
        "unanswered": 0,
        "exact": True,
        "cpu_ms_per_request": 1.0,
        "static_requests_per_second": 4000.0,
        "ratio": 0.25,
        "ratios": [0.25],
        **extra,
    }


class CpuLineTests(SimpleTestCase):
    def test_the_database_share_is_split_from_the_web_workers(self):
        line = cpu_line(
            "postgres",
            votes(
                cpu_ms_per_request=1.5,
                database_cpu_ms_per_request=0.4,
                machine_idle=0.15,
            ),
        )
        self.assertEqual(
            line,
            "votes on postgres: CPU a vote 1.10 ms in the web workers + 0.40 ms "
            "in the database server; machine idle 15%",
        )

    def test_a_database_in_the_web_process_has_no_share_of_its_own(self):
        line = cpu_line("sqlite", votes(cpu_ms_per_request=1.2, machine_idle=0.02))
        self.assertEqual(
            line,
            "votes on sqlite: CPU a vote 1.20 ms in the web workers; machine idle 2%",
        )

    def test_the_table_carries_the_lines(self):
        results = {
            "scenarios": {
                "static": STATIC,
                "votes_postgres": votes(
                    cpu_ms_per_request=2.0, database_cpu_ms_per_request=0.5
                ),
            }
        }
        printed = table(results)
        self.assertIn("1.50 ms in the web workers + 0.50 ms", printed)
        self.assertIn("static: machine idle 1%", printed)


class IdleShareTests(SimpleTestCase):
    def test_share_of_the_ticks_between_two_readings(self):
        self.assertEqual(idle_share((100, 1000), (130, 1200)), 0.15)
        self.assertEqual(idle_share((5, 10), (5, 10)), 0.0)

    def test_reads_this_machine(self):
        before = machine_cpu()
        after = machine_cpu()
        self.assertLessEqual(before[0], before[1])
        self.assertGreaterEqual(after[1], before[1])
        self.assertTrue(0.0 <= idle_share(before, after) <= 1.0)


class MedianRunTests(SimpleTestCase):
    def test_the_row_is_the_run_with_the_median_ratio(self):
        runs = [votes(ratio=0.30), votes(ratio=0.20), votes(ratio=0.25)]
        row = median_run(runs)
        self.assertEqual(row["ratio"], 0.25)
        self.assertEqual(row["ratios"], [0.30, 0.20, 0.25])

    def test_an_even_count_takes_the_lower_middle(self):
        self.assertEqual(median_run([votes(ratio=0.3), votes(ratio=0.2)])["ratio"], 0.2)

    def test_one_inexact_run_makes_the_row_inexact(self):
        runs = [votes(ratio=0.3), votes(ratio=0.3, exact=False), votes(ratio=0.3)]
        self.assertFalse(median_run(runs)["exact"])

    def test_the_table_judges_the_row_by_its_own_ratio(self):
        # 1,000 votes/s is 0.25× of the static row above, but the static run
        # just before it was faster: the row is judged against that one.
        data = votes(ratio=0.2, ratios=[0.2], static_requests_per_second=5000.0)
        printed = table({"scenarios": {"static": STATIC, "votes_sqlite": data}})
        row = next(line for line in printed.splitlines() if "4. votes" in line)
        self.assertIn("0.20", row)
        self.assertTrue(row.rstrip().endswith("NO"))
        self.assertIn("× the static file run just before it (5,000 req/s)", printed)

    def test_several_runs_are_listed(self):
        data = votes(ratio=0.25, ratios=[0.25, 0.2, 0.3])
        data["static_requests_per_second"] = 4000.0
        line = ratio_line("votes on postgres", data)
        self.assertEqual(
            line,
            "votes on postgres: median of 3 runs (0.250, 0.200, 0.300), each × the "
            "static file run just before it (4,000 req/s)",
        )


class ReportRowTests(SimpleTestCase):
    def test_each_row_is_judged_by_its_own_limit(self):
        reports = {
            "1k": {"panel": 10.0, "attention_cold": 10.0, "digest": 10.0},
            "1m": {"panel": 15.5, "attention_cold": 15.5, "digest": 16.5},
        }
        panel, cold, digest = report_rows(reports)
        self.assertIn("1.55× (target ≤ 1.5: NO)", panel)
        self.assertIn("1.55× (target ≤ 1.6: yes)", cold)
        self.assertIn("1.65× (target ≤ 1.6: NO)", digest)

    def test_no_row_without_the_large_site(self):
        self.assertEqual(report_rows({"1k": {"panel": 10.0}}), [])
