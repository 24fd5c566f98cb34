from django.test import SimpleTestCase

from polls.admin.views.export import neutralise_formula


class NeutraliseFormulaTests(SimpleTestCase):
    def test_text_that_a_spreadsheet_would_run_gets_an_apostrophe(self):
        cases = {
            '=HYPERLINK("http://evil.example","x")': '\'=HYPERLINK("http://evil.example","x")',
            "+1+2": "'+1+2",
            "-2+3": "'-2+3",
            "@SUM(A1)": "'@SUM(A1)",
            "\t=1": "'\t=1",
            "\r=1": "'\r=1",
            "Fine text": "Fine text",
            "a = b": "a = b",
            "": "",
        }
        for value, expected in cases.items():
            with self.subTest(value):
                self.assertEqual(neutralise_formula(value), expected)

    def test_numbers_and_empty_cells_are_left_alone(self):
        for value in [-5, 0.5, None]:
            with self.subTest(value):
                self.assertEqual(neutralise_formula(value), value)
