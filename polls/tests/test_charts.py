import datetime

from django.test import SimpleTestCase

from polls.insight.charts import daily_chart, nice_ceiling

START = datetime.date(2026, 3, 1)


def day(n):
    return START + datetime.timedelta(days=n)


class NiceCeilingTests(SimpleTestCase):
    def test_rounds_up_to_1_2_5_steps(self):
        cases = {0: 1, 1: 1, 2: 2, 3: 5, 7: 10, 11: 20, 45: 50, 51: 100, 180: 200}
        for value, expected in cases.items():
            with self.subTest(value):
                self.assertEqual(nice_ceiling(value), expected)


class DailyChartTests(SimpleTestCase):
    def test_one_bar_per_day_including_days_without_answers(self):
        rows = [
            {"date": day(0), "responses": 4, "positive": 3, "negative": 1},
            {"date": day(3), "responses": 10, "positive": 5, "negative": 2},
        ]
        chart = daily_chart(rows, START, day(6), width=700, height=100)
        self.assertEqual([bar.date for bar in chart.bars], [day(n) for n in range(7)])
        self.assertEqual(chart.top, 10)
        self.assertEqual((chart.total, chart.max_day), (14, 10))
        self.assertEqual([bar.responses for bar in chart.bars], [4, 0, 0, 10, 0, 0, 0])
        self.assertEqual(chart.bars[1].segments, ())

    def test_segments_stack_from_the_baseline_in_proportion(self):
        rows = [{"date": START, "responses": 10, "positive": 5, "negative": 2}]
        bar = daily_chart(rows, START, START, width=100, height=100).bars[0]
        self.assertEqual(
            [(s.sentiment, s.y, s.height) for s in bar.segments],
            [
                ("positive", 50.0, 50.0),
                ("negative", 30.0, 20.0),
                ("neutral", 0.0, 30.0),
            ],
        )
        self.assertEqual(bar.neutral, 3)

    def test_bars_are_spread_evenly_across_the_width(self):
        chart = daily_chart([], START, day(9), width=800, height=100)
        self.assertEqual([bar.x for bar in chart.bars][:3], [8.0, 88.0, 168.0])
        self.assertEqual({bar.width for bar in chart.bars}, {64.0})
        long = daily_chart([], START, day(364), width=730, height=100)
        self.assertEqual(len(long.bars), 365)
        self.assertEqual(long.bars[1].x, 2.0)

    def test_missing_counts_from_the_database_are_zero(self):
        rows = [{"date": START, "responses": 2, "positive": None, "negative": None}]
        bar = daily_chart(rows, START, START).bars[0]
        self.assertEqual((bar.positive, bar.negative, bar.neutral), (0, 0, 2))
