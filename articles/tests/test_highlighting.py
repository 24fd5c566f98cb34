from django.test import SimpleTestCase

from articles.highlighting import (
    contains_term,
    excerpt,
    highlight,
    query_terms,
    stream_text,
)


class HighlightingTests(SimpleTestCase):
    def test_terms_are_words_of_two_or_more_characters_longest_first(self):
        self.assertEqual(query_terms("a Numb  leg?"), ["numb", "leg"])
        self.assertEqual(query_terms("   "), [])

    def test_marks_whole_words_that_start_with_a_term(self):
        self.assertEqual(
            highlight("Numbness and a numb leg, not benumbed", ["numb"]),
            "<mark>Numbness</mark> and a <mark>numb</mark> leg, not benumbed",
        )

    def test_escapes_everything_else(self):
        self.assertEqual(
            highlight("<b>numb</b> & co", ["numb"]),
            "&lt;b&gt;<mark>numb</mark>&lt;/b&gt; &amp; co",
        )
        self.assertEqual(highlight("<i>", []), "&lt;i&gt;")

    def test_excerpt_centres_on_the_first_match(self):
        text = ("Filler words go here. " * 30) + "Vitamin B12 matters." + " end" * 50
        snippet = excerpt(text, ["vitamin"], length=120)
        self.assertTrue(snippet.startswith("… "))
        self.assertTrue(snippet.endswith(" …"))
        self.assertIn("<mark>Vitamin</mark> B12", snippet)
        self.assertLess(len(snippet), 160)

    def test_short_text_is_kept_whole(self):
        self.assertEqual(excerpt("A numb leg.", ["numb"]), "A <mark>numb</mark> leg.")

    def test_stream_text_reads_prose_from_raw_blocks(self):
        raw = [
            {"type": "paragraph", "value": "<p>Intro <b>text</b></p>", "id": "x"},
            {
                "type": "causes",
                "value": {
                    "heading": "Causes",
                    "causes": [
                        {
                            "type": "item",
                            "value": {"title": "Cold", "explanation": "<p>Brr.</p>"},
                            "id": "uuid-not-prose",
                        }
                    ],
                },
            },
            {"type": "callout", "value": {"level": "urgent", "text": "<p>Go.</p>"}},
            {"type": "image", "value": {"image": 4, "alt_text": "A runner"}},
        ]
        text = stream_text(raw)
        self.assertEqual(text, "Intro text. Causes. Cold. Brr. Go. A runner.")
        self.assertTrue(contains_term(text, ["cold"]))
        self.assertFalse(contains_term(text, ["urgent"]))
