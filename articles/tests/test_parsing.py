from django.test import SimpleTestCase

from articles.parsing import ArticleParseError, decode, parse_article
from testing.demo import SEED


class SeedArticleTests(SimpleTestCase):
    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        cls.parsed = parse_article(decode(SEED.read_bytes()))

    def test_title_is_the_first_line(self):
        self.assertEqual(self.parsed.title, "Why Does My Leg Go Numb When I Run?")

    def test_five_causes_with_their_titles_in_order(self):
        self.assertEqual(
            self.parsed.causes,
            [
                "Compression of nerves",
                "Poor blood flow",
                "Vitamin or mineral deficiency",
                "Muscular imbalances",
                "Medical conditions",
            ],
        )

    def test_blocks_follow_the_text(self):
        self.assertEqual(
            [name for name, _ in self.parsed.body],
            ["paragraph", "causes", "prevention", "conclusion"],
        )

    def test_explanations_are_the_text_after_the_colon(self):
        causes = dict(self.parsed.body)["causes"]["causes"]
        self.assertTrue(
            causes[2]["explanation"].startswith("<p>Certain vitamin and mineral")
        )

    def test_feedback_widget_is_not_content(self):
        text = str(self.parsed.body)
        self.assertNotIn("Was this article helpful", text)
        self.assertNotIn("YesNo", text)

    def test_summary_is_the_first_sentence(self):
        self.assertEqual(
            self.parsed.summary,
            "There are several potential reasons why a person may experience "
            "numbness or tingling in their leg while running.",
        )

    def test_lede_is_the_summary_not_also_a_body_paragraph(self):
        kind, first = self.parsed.body[0]
        self.assertEqual(kind, "paragraph")
        self.assertEqual(
            first, "<p>Some common causes of leg numbness during exercise include:</p>"
        )
        self.assertNotIn(self.parsed.summary, str(self.parsed.body))


class LedeTests(SimpleTestCase):
    def test_a_paragraph_holding_only_the_lede_leaves_the_body(self):
        parsed = parse_article("Title\n\nThe lede.\n\nThe second paragraph.")
        self.assertEqual(parsed.summary, "The lede.")
        self.assertEqual(parsed.body, [("paragraph", "<p>The second paragraph.</p>")])

    def test_a_lede_cut_short_stays_whole_in_the_body(self):
        sentence = "word " * 80 + "end."
        parsed = parse_article(f"Title\n\n{sentence}")
        self.assertTrue(parsed.summary.endswith("…"))
        self.assertEqual(parsed.body, [("paragraph", f"<p>{sentence.strip()}</p>")])


class FormatTests(SimpleTestCase):
    def test_text_is_escaped_not_trusted_as_html(self):
        parsed = parse_article("Title\n\nA <script>alert(1)</script> & more")
        self.assertEqual(
            parsed.body[0][1],
            "<p>A &lt;script&gt;alert(1)&lt;/script&gt; &amp; more</p>",
        )

    def test_a_lead_in_line_may_sit_directly_above_the_list(self):
        parsed = parse_article("T\n\nCauses include:\n1. Cold: brr\n2. Heat: phew")
        self.assertEqual([name for name, _ in parsed.body], ["paragraph", "causes"])
        self.assertEqual(parsed.causes, ["Cold", "Heat"])

    def test_an_unnumbered_line_continues_the_item_above(self):
        parsed = parse_article("T\n\n1. Cold: narrows\n   blood vessels\n2. Heat: x")
        first = parsed.body[0][1]["causes"][0]
        self.assertEqual(first["explanation"], "<p>narrows blood vessels</p>")

    def test_windows_line_endings_and_a_bom(self):
        parsed = parse_article(decode(b"\xef\xbb\xbfTitle\r\n\r\nText.\r\n"))
        self.assertEqual(parsed.title, "Title")
        self.assertEqual(parsed.body, [("paragraph", "<p>Text.</p>")])

    def test_prevention_is_recognised_from_the_first_sentence(self):
        parsed = parse_article("T\n\nPreventing cramp is simple. Drink water.")
        self.assertEqual(parsed.body[0][0], "prevention")


class BrokenInputTests(SimpleTestCase):
    cases = {
        "empty file": ("", 1, "title"),
        "blank first line": ("\nTitle\n\nText", 1, "title"),
        "title only": ("Just a title\n", 1, "no text"),
        "numbering skips": ("T\n\n1. A: a\n3. B: b", 4, "expected item 2"),
        "list starts at 2": ("T\n\n2. A: a", 3, "expected item 1"),
        "item without a colon": ("T\n\n1. A thing without explanation", 3, "colon"),
        "control character": ("T\n\nBad \x00 byte", 3, "control character"),
        "title too long": ("T" * 300 + "\n\ntext", 1, "limit is 255"),
        "only the feedback lines": (
            "T\n\nWas this article helpful?\nYesNo",
            1,
            "no text",
        ),
    }

    def test_each_problem_is_named_with_its_line(self):
        for name, (text, line, words) in self.cases.items():
            with self.subTest(name):
                with self.assertRaises(ArticleParseError) as caught:
                    parse_article(text)
                self.assertEqual(caught.exception.line, line)
                self.assertIn(f"line {line}:", str(caught.exception))
                self.assertIn(words, str(caught.exception))

    def test_text_that_is_not_utf8(self):
        with self.assertRaises(ArticleParseError) as caught:
            decode("Title\n\nCaf\xe9".encode("latin-1"))
        self.assertEqual(caught.exception.line, 3)
        self.assertIn("UTF-8", str(caught.exception))
