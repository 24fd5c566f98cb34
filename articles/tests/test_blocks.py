from bs4 import BeautifulSoup
from django.core.exceptions import ValidationError
from django.template.loader import get_template
from django.test import TestCase
from wagtail.admin.telepath import JSContext
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.rich_text import RichText

from articles.blocks import (
    ArticleStreamBlock,
    CalloutBlock,
    CaptionedImageBlock,
    CausesBlock,
    ConclusionBlock,
    ParagraphBlock,
    PreventionBlock,
    ReferenceBlock,
)


def render(block, value, **context):
    return BeautifulSoup(block.render(block.to_python(value), context), "html.parser")


class CausesBlockTests(TestCase):
    value = {
        "heading": "Common causes",
        "causes": [
            {"title": "Compression of nerves", "explanation": "<p>Nerves.</p>"},
            {"title": "Poor blood flow", "explanation": "<p>Blood.</p>"},
            {"title": "Medical conditions", "explanation": "<p>Rarely.</p>"},
        ],
    }

    def test_renders_an_ordered_list_of_the_causes_in_order(self):
        html = render(CausesBlock(), self.value, anchor="common-causes")
        items = html.select("ol.causes > li")
        self.assertEqual(
            [item.find("h3").get_text() for item in items],
            ["Compression of nerves", "Poor blood flow", "Medical conditions"],
        )
        self.assertEqual(
            items[1].select_one(".cause__explanation").get_text(), "Blood."
        )
        self.assertEqual(html.find("h2")["id"], "common-causes")

    def test_reordering_the_causes_renumbers_them(self):
        reordered = {**self.value, "causes": list(reversed(self.value["causes"]))}
        html = render(CausesBlock(), reordered)
        titles = [h.get_text() for h in html.select("ol.causes > li h3")]
        self.assertEqual(titles[0], "Medical conditions")
        self.assertNotIn("1.", html.get_text(), "numbers come from <ol>, not the text")

    def test_without_a_heading_cause_titles_step_up_a_level(self):
        html = render(CausesBlock(), {**self.value, "heading": ""})
        self.assertIsNone(html.find("h3"))
        self.assertEqual(len(html.select("ol.causes > li > h2")), 3)

    def test_needs_at_least_one_cause(self):
        block = CausesBlock()
        with self.assertRaises(ValidationError):
            block.clean(block.to_python({"heading": "", "causes": []}))


class TextBlocksTests(TestCase):
    def test_paragraph_renders_its_rich_text(self):
        html = render(ParagraphBlock(), "<p>Hello <b>reader</b></p>")
        self.assertEqual(html.select_one(".block-paragraph b").get_text(), "reader")

    def test_prevention_renders_heading_text_and_tips(self):
        html = render(
            PreventionBlock(),
            {
                "heading": "Prevention",
                "text": "<p>Warm up.</p>",
                "tips": ["Stretch", "Hydrate"],
            },
            anchor="prevention",
        )
        self.assertEqual(html.find("h2").get_text(), "Prevention")
        self.assertEqual(
            [li.get_text() for li in html.select("ul.tips li")], ["Stretch", "Hydrate"]
        )

    def test_prevention_without_tips_has_no_empty_list(self):
        html = render(
            PreventionBlock(), {"heading": "", "text": "<p>Warm up.</p>", "tips": []}
        )
        self.assertIsNone(html.find("ul"))
        self.assertIsNone(html.find("h2"))

    def test_conclusion_renders_in_its_own_section(self):
        html = render(
            ConclusionBlock(),
            {"heading": "Conclusion", "text": "<p>All done.</p>"},
            anchor="conclusion",
        )
        section = html.select_one("section.block-conclusion")
        self.assertEqual(section["aria-labelledby"], "conclusion")
        self.assertIn("All done.", section.get_text())


class CalloutBlockTests(TestCase):
    def test_each_level_says_its_level_in_words(self):
        expected = {
            "info": "Information",
            "see_doctor": "See a doctor",
            "urgent": "Urgent: get help now",
        }
        for level, label in expected.items():
            with self.subTest(level=level):
                html = render(
                    CalloutBlock(), {"level": level, "text": "<p>Advice.</p>"}
                )
                note = html.select_one('[role="note"]')
                self.assertIn(f"callout--{level}", note["class"])
                self.assertEqual(note.select_one(".callout__level").get_text(), label)


class ImageBlockTests(TestCase):
    def test_renders_a_figure_with_alt_text_caption_and_responsive_sources(self):
        image = Image.objects.create(
            title="Runner", file=get_test_image_file(size=(1200, 800))
        )
        html = render(
            CaptionedImageBlock(),
            {
                "image": image.pk,
                "alt_text": "A runner stretching",
                "caption": "Stretch first",
            },
        )
        img = html.select_one("figure picture img")
        self.assertEqual(img["alt"], "A runner stretching")
        self.assertEqual(img["loading"], "lazy")
        self.assertTrue(img.get("width") and img.get("height"))
        self.assertEqual(
            {source["type"] for source in html.select("picture source")},
            {"image/avif", "image/webp"},
        )
        self.assertEqual(html.find("figcaption").get_text(), "Stretch first")


class ReferenceBlockTests(TestCase):
    def test_links_only_when_there_is_a_url(self):
        linked = render(
            ReferenceBlock(), {"title": "NHS: Numbness", "url": "https://example.org/n"}
        )
        self.assertEqual(linked.find("a")["href"], "https://example.org/n")
        plain = render(ReferenceBlock(), {"title": "A textbook", "url": ""})
        self.assertIsNone(plain.find("a"))
        self.assertEqual(plain.find("li").get_text(), "A textbook")


class ArticleStreamBlockTests(TestCase):
    def test_every_block_has_a_label_icon_and_guidance(self):
        for name, block in ArticleStreamBlock().child_blocks.items():
            with self.subTest(block=name):
                self.assertTrue(block.meta.label)
                self.assertNotEqual(block.meta.icon, "placeholder")
                self.assertTrue(block.meta.description or block.meta.help_text)
                self.assertTrue(get_template(block.meta.template))

    def test_only_one_conclusion(self):
        block = ArticleStreamBlock()
        conclusion = {"heading": "", "text": RichText("<p>x</p>")}
        value = block.to_python(
            [
                {"type": "conclusion", "value": conclusion},
                {"type": "conclusion", "value": conclusion},
            ]
        )
        with self.assertRaises(ValidationError):
            block.clean(value)


class RichTextLabelTests(TestCase):
    def test_the_editor_is_named_after_its_block(self):
        """Draftail gets an ariaLabel among its options (what Wagtail sends the
        browser for a block's widget); fails if Wagtail stops passing them."""
        causes = CausesBlock()
        explanation = causes.child_blocks["causes"].child_block.child_blocks[
            "explanation"
        ]
        packed = JSContext().pack(explanation.field.widget)
        self.assertEqual(packed["_args"][0]["ariaLabel"], "Explanation")
        paragraph = ArticleStreamBlock().child_blocks["paragraph"]
        self.assertEqual(paragraph.field.widget.options["ariaLabel"], "Paragraph")
