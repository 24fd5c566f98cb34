"""Items an editor adds and leaves empty are dropped, never required."""

from django.core.exceptions import ValidationError
from django.test import TestCase
from wagtail.rich_text import RichText

from articles.blocks import (
    ArticleStreamBlock,
    CalloutBlock,
    CausesBlock,
    PreventionBlock,
    ReferencesStreamBlock,
)
from articles.empty_items import is_empty
from home.blocks import SocialLinksStreamBlock, StandardStreamBlock


def cleaned(block, raw):
    return block.clean(block.to_python(raw))


class IsEmptyTests(TestCase):
    def test_blank_text_rich_text_and_defaults_are_empty(self):
        callout = CalloutBlock()
        cases = [
            (callout, {"level": "info", "text": "<p></p>"}, True),
            (callout, {"level": "urgent", "text": "<p></p>"}, False),
            (callout, {"level": "info", "text": "<p>Call 111.</p>"}, False),
            (PreventionBlock(), {"heading": " ", "text": "", "tips": [""]}, True),
            (PreventionBlock(), {"heading": "", "text": "", "tips": ["Rest"]}, False),
        ]
        for block, raw, expected in cases:
            with self.subTest(raw=raw):
                self.assertIs(is_empty(block, block.to_python(raw)), expected)


class DroppedItemsTests(TestCase):
    def test_an_empty_tip_is_dropped_as_a_draft_and_when_published(self):
        block = PreventionBlock()
        raw = {"heading": "", "text": "<p>Warm up.</p>", "tips": ["Stretch", "  ", ""]}
        for clean in (block.clean, block.clean_deferred):
            with self.subTest(clean=clean.__name__):
                value = clean(block.to_python(raw))
                self.assertEqual(list(value["tips"]), ["Stretch"])

    def test_empty_blocks_leave_the_body_and_the_rest_is_kept_in_order(self):
        value = cleaned(
            ArticleStreamBlock(),
            [
                {"type": "paragraph", "value": "<p>Intro.</p>"},
                {"type": "paragraph", "value": "<p></p>"},
                {"type": "callout", "value": {"level": "info", "text": ""}},
                {"type": "image", "value": {"image": None, "alt_text": ""}},
                {"type": "poll", "value": {"poll": None}},
                {"type": "conclusion", "value": {"heading": "", "text": "<p>End.</p>"}},
            ],
        )
        self.assertEqual(
            [child.block_type for child in value], ["paragraph", "conclusion"]
        )

    def test_an_empty_cause_is_dropped_and_a_half_written_one_is_not(self):
        block = CausesBlock()
        value = cleaned(
            block,
            {
                "heading": "",
                "causes": [
                    {"title": "Cold", "explanation": "<p>Cold.</p>"},
                    {"title": "", "explanation": "<p></p>"},
                ],
            },
        )
        self.assertEqual([cause["title"] for cause in value["causes"]], ["Cold"])
        with self.assertRaises(ValidationError):
            cleaned(
                block,
                {"heading": "", "causes": [{"title": "Cold", "explanation": ""}]},
            )

    def test_errors_point_at_the_item_in_the_form_not_among_the_kept(self):
        block = ArticleStreamBlock()
        with self.assertRaises(ValidationError) as caught:
            cleaned(
                block,
                [
                    {"type": "paragraph", "value": "<p></p>"},
                    {"type": "paragraph", "value": "<p></p>"},
                    {"type": "image", "value": {"image": None, "alt_text": "A runner"}},
                ],
            )
        self.assertEqual(list(caught.exception.block_errors), [2])

        tips = PreventionBlock().child_blocks["tips"]
        with self.assertRaises(ValidationError) as caught:
            tips.clean(tips.to_python(["", "x" * 201]))
        self.assertEqual(list(caught.exception.block_errors), [1])

    def test_a_body_of_nothing_but_empty_blocks_is_still_required(self):
        block = ArticleStreamBlock()
        with self.assertRaises(ValidationError):
            cleaned(block, [{"type": "paragraph", "value": "<p></p>"}])
        self.assertEqual(
            len(block.clean_deferred(block.to_python([]))), 0, "a draft may be empty"
        )

    def test_references_standard_pages_and_social_links_drop_empty_items(self):
        # Not required here, so that an empty result is valid.
        cases = [
            (
                ReferencesStreamBlock(required=False),
                {"type": "reference", "value": {"title": ""}},
            ),
            (StandardStreamBlock(required=False), {"type": "heading", "value": ""}),
            (
                SocialLinksStreamBlock(required=False),
                {"type": "link", "value": {"label": ""}},
            ),
        ]
        for block, empty in cases:
            with self.subTest(block=type(block).__name__):
                self.assertEqual(len(cleaned(block, [empty])), 0)

    def test_what_is_kept_is_unchanged(self):
        value = cleaned(
            ArticleStreamBlock(),
            [{"type": "paragraph", "value": "<p>Intro <b>bold</b>.</p>"}],
        )
        self.assertIsInstance(value[0].value, RichText)
        self.assertEqual(value[0].value.source, "<p>Intro <b>bold</b>.</p>")
