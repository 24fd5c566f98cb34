"""The hand-written statements: one first answer's parts fit together."""

from django.db import connection
from django.test import SimpleTestCase

from polls.tally import sql

# The values of the counters' moves: PageTotal's, DailyCount's, SiteDailyCount's.
MOVES = 5 + 5 + 4


class FirstAnswerStatementTests(SimpleTestCase):
    def test_the_insert_counts_in_the_same_statement(self):
        insert, fields = sql.response_insert(connection.alias)
        statement = sql.counted_first_answer_without_target(connection.alias)
        self.assertTrue(statement.startswith(f"WITH inserted AS ({insert})"))
        self.assertTrue(statement.endswith("SELECT * FROM inserted"))
        self.assertEqual(statement.count("%s"), len(fields) + MOVES)

    def test_a_votes_read_comes_first_and_is_returned_with_the_id(self):
        target = sql.target()[0]
        _insert, fields = sql.response_insert_from_target(connection.alias)
        statement = sql.counted_first_answer(connection.alias)
        self.assertTrue(statement.startswith(f"WITH target AS ({target}), inserted"))
        self.assertTrue(
            statement.endswith("SELECT inserted.*, target.* FROM inserted, target")
        )
        # The target's three, the insert's, the poll's id, the moves'.
        self.assertEqual(statement.count("%s"), 3 + len(fields) + 1 + MOVES)

    def test_the_insert_from_the_target_reads_the_page_from_it(self):
        insert, fields = sql.response_insert_from_target(connection.alias)
        self.assertIn("target.page_title", insert)
        self.assertIn("target.page_live_revision_id", insert)
        self.assertNotIn("page_title", [field.attname for field in fields])

    def test_an_answer_given_before_inserts_nothing(self):
        insert, _fields = sql.response_insert(connection.alias)
        self.assertIn("ON CONFLICT DO NOTHING RETURNING", insert)
