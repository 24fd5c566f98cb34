"""StreamField blocks for article bodies.

The blocks carry the article's structure, so the meaning lives in the data:
a cause's number is its position in the list, never a stored field, and
reordering causes in the editor renumbers them on the page.

Every list and stream here drops the items an editor added and left empty
(``articles.empty_items``), so an empty tip, paragraph or reference never
stops a draft from being submitted or published.
"""

from django.utils.functional import cached_property
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.rich_text import RichText

from articles.empty_items import SkipEmptyListBlock, SkipEmptyStreamBlock
from polls.blocks import PollBlock

# Headings belong to blocks (they feed the table of contents), so rich text
# inside a block offers inline formatting and lists but no headings.
INLINE_FEATURES = ["bold", "italic", "link", "ol", "ul", "superscript", "subscript"]

STRUCTURE_GROUP = "Article structure"
MEDIA_GROUP = "Media and callouts"


class ArticleRichTextBlock(blocks.RichTextBlock):
    """Rich text limited to the inline features articles use.

    Its editable area is named after the block ("Explanation", "Paragraph"):
    Wagtail's field label names the hidden input behind the editor, so
    screen readers (and axe) found an unnamed text box. Draftail takes an
    ``ariaLabel`` among the editor options Wagtail passes it.
    """

    def __init__(self, **kwargs):
        kwargs.setdefault("features", INLINE_FEATURES)
        super().__init__(**kwargs)

    @cached_property
    def field(self):
        field = super().field
        field.widget.options = {**field.widget.options, "ariaLabel": str(self.label)}
        return field


class ParagraphBlock(ArticleRichTextBlock):
    class Meta:
        icon = "pilcrow"
        label = "Paragraph"
        template = "articles/blocks/paragraph.html"
        group = STRUCTURE_GROUP
        description = "Running text: the introduction or any plain section."
        help_text = (
            "Write in short paragraphs. Use the other blocks for causes, "
            "prevention and the conclusion."
        )
        preview_value = RichText(
            "<p>Numbness while running is common and usually harmless. "
            "This article explains the usual causes and when to see a doctor.</p>"
        )


class CauseBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=120,
        help_text="A short name for the cause, e.g. “Compression of nerves”.",
    )
    explanation = ArticleRichTextBlock(
        help_text="Explain how this cause produces the symptom, in plain language."
    )

    class Meta:
        icon = "list-ol"
        label = "Cause"
        template = "articles/blocks/cause.html"
        form_classname = "cause-block struct-block"


class CausesBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text="Optional, e.g. “Common causes”. Shown above the list and in "
        "the contents.",
    )
    causes = SkipEmptyListBlock(
        CauseBlock(),
        min_num=1,
        max_num=20,
        help_text="Drag causes to reorder them; the page numbers them in this order.",
    )

    class Meta:
        icon = "list-ol"
        label = "Numbered causes"
        template = "articles/blocks/causes.html"
        group = STRUCTURE_GROUP
        description = "A numbered list of causes, each with a title and an explanation."
        help_text = "Numbers come from the order of the causes: never type them."
        preview_value = {
            "heading": "Common causes",
            "causes": [
                {
                    "title": "Compression of nerves",
                    "explanation": RichText(
                        "<p>Tight shoes or a long stride can press on nerves.</p>"
                    ),
                },
                {
                    "title": "Poor blood flow",
                    "explanation": RichText(
                        "<p>Dehydration or cold narrows blood vessels.</p>"
                    ),
                },
            ],
        }


class PreventionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text="Optional, e.g. “How to prevent it”.",
    )
    text = ArticleRichTextBlock(help_text="The prevention advice in full sentences.")
    tips = SkipEmptyListBlock(
        blocks.CharBlock(max_length=200, label="Tip"),
        min_num=0,
        max_num=12,
        required=False,
        help_text=(
            "Optional short, actionable tips shown as a checklist. "
            "Empty tips are left out."
        ),
    )

    class Meta:
        icon = "success"
        label = "Prevention"
        template = "articles/blocks/prevention.html"
        group = STRUCTURE_GROUP
        description = "Advice on preventing the problem, with optional quick tips."
        preview_value = {
            "heading": "Prevention",
            "text": RichText("<p>Warm up, wear shoes that fit, and drink water.</p>"),
            "tips": ["Stretch before you run", "Loosen tight laces"],
        }


class ConclusionBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        required=False,
        max_length=120,
        help_text="Optional, e.g. “Conclusion” or “The bottom line”.",
    )
    text = ArticleRichTextBlock(help_text="Sum up the article in a few sentences.")

    class Meta:
        icon = "tick-inverse"
        label = "Conclusion"
        template = "articles/blocks/conclusion.html"
        group = STRUCTURE_GROUP
        description = "The closing summary of the article."
        preview_value = {
            "heading": "Conclusion",
            "text": RichText("<p>Most numbness is harmless and easy to prevent.</p>"),
        }


class CalloutLevel:
    INFO = "info"
    SEE_DOCTOR = "see_doctor"
    URGENT = "urgent"
    CHOICES = [
        (INFO, "Information"),
        (SEE_DOCTOR, "See a doctor"),
        (URGENT, "Urgent: get help now"),
    ]
    LABELS = dict(CHOICES)


class CalloutBlock(blocks.StructBlock):
    level = blocks.ChoiceBlock(
        choices=CalloutLevel.CHOICES,
        default=CalloutLevel.INFO,
        help_text=(
            "“See a doctor” for symptoms that need a GP appointment; "
            "“Urgent” for emergencies that need help now."
        ),
    )
    text = ArticleRichTextBlock(help_text="Say exactly what the reader should do.")

    class Meta:
        icon = "warning"
        label = "Callout"
        template = "articles/blocks/callout.html"
        group = MEDIA_GROUP
        description = "A highlighted box, e.g. when to seek medical help."
        preview_value = {
            "level": CalloutLevel.SEE_DOCTOR,
            "text": RichText(
                "<p>See a doctor if the numbness lasts after you stop running.</p>"
            ),
        }

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context=parent_context)
        context["level_label"] = CalloutLevel.LABELS.get(value["level"], "")
        return context


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text="Describe what the image shows for readers who cannot see it.",
    )
    caption = blocks.CharBlock(
        required=False, max_length=250, help_text="Optional caption shown below."
    )

    class Meta:
        icon = "image"
        label = "Image"
        template = "articles/blocks/image.html"
        group = MEDIA_GROUP
        description = "An image with alternative text and an optional caption."


class ArticleStreamBlock(SkipEmptyStreamBlock):
    paragraph = ParagraphBlock()
    causes = CausesBlock()
    prevention = PreventionBlock()
    conclusion = ConclusionBlock()
    callout = CalloutBlock()
    image = CaptionedImageBlock()
    poll = PollBlock(group=MEDIA_GROUP)

    class Meta:
        block_counts = {"conclusion": {"max_num": 1}}


class ReferenceBlock(blocks.StructBlock):
    title = blocks.CharBlock(
        max_length=300,
        help_text="Cite the source as a reader would: authors, title, publisher, year.",
    )
    url = blocks.URLBlock(required=False, help_text="Optional link to the source.")

    class Meta:
        icon = "link"
        label = "Reference"
        template = "articles/blocks/reference.html"


class ReferencesStreamBlock(SkipEmptyStreamBlock):
    reference = ReferenceBlock()
