"""The bench's table: where a vote's CPU went, and how idle the machine was."""

from django.test import SimpleTestCase

from bench.run import cpu_line, idle_share, machine_cpu, table

STATIC = {"requests_per_second": 4000.0, "p50_ms": 8.0, "p99_ms": 12.0}


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
                "static": {**STATIC, "machine_idle": 0.01},
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
