"""Lists and streams that drop the items an editor added and left empty.

Wagtail lets a draft through with required fields blank, then checks them
when the page is submitted or published. So an empty "Tip" row (or an empty
paragraph, reference or social link) saves as a draft and only fails later,
with "This field is required." on a field the editor never meant to fill in.
These blocks drop such items before validating, as drafts and as published
pages alike: what is stored never holds them, and nothing that saved as a
draft fails later because of one. An item with anything in it is validated
as usual, so a half-written cause still says which field it lacks.

Errors from the items that are kept are reported at their places in the
editor's form, not at their places among the kept items.
"""

from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.blocks.list_block import ListBlockValidationError, ListValue
from wagtail.blocks.stream_block import StreamBlockValidationError, StreamValue
from wagtail.rich_text import RichText


def is_empty(block, value):
    """Whether ``value`` holds nothing an editor wrote: blank, or its default.

    A struct is empty when all its fields are; a list or stream when all its
    items are. A choice left at its default (a callout's "Information") is
    not something the editor wrote.
    """
    if isinstance(block, blocks.StructBlock):
        children = block.child_blocks.items()
        return all(is_empty(child, value.get(name)) for name, child in children)
    if isinstance(block, blocks.ListBlock):
        return all(is_empty(block.child_block, item) for item in value or [])
    if isinstance(block, blocks.StreamBlock):
        return all(is_empty(child.block, child.value) for child in value or [])
    if isinstance(value, RichText):
        return not strip_tags(value.source).strip()
    if isinstance(value, str):
        return not value.strip() or value == block.get_default()
    return value is None or value == block.get_default()


def _remapped(error, positions):
    """``error``'s item errors moved back to the items' places in the form."""
    block_errors = {positions[i]: e for i, e in error.block_errors.items()}
    return type(error)(
        block_errors=block_errors, non_block_errors=error.non_block_errors
    )


class SkipEmptyListBlock(blocks.ListBlock):
    """A ``ListBlock`` that drops empty items (see the module docstring).

    Migrations record it as a plain ``ListBlock``, as Wagtail records
    ``StreamBlock`` subclasses: what it stores is the same.
    """

    canonical_module_path = "wagtail.blocks.ListBlock"

    def clean(self, value):
        value = self.normalize(value)
        kept = [
            (position, child)
            for position, child in enumerate(value.bound_blocks)
            if not is_empty(self.child_block, child.value)
        ]
        try:
            return super().clean(
                ListValue(self, bound_blocks=[child for _, child in kept])
            )
        except ListBlockValidationError as error:
            raise _remapped(error, [position for position, _ in kept]) from None


class SkipEmptyStreamBlock(blocks.StreamBlock):
    """A ``StreamBlock`` that drops empty blocks (see the module docstring)."""

    def clean(self, value):
        kept = [
            (position, child)
            for position, child in enumerate(value)
            if not is_empty(child.block, child.value)
        ]
        try:
            return super().clean(
                StreamValue(
                    self,
                    [(child.block_type, child.value, child.id) for _, child in kept],
                )
            )
        except StreamBlockValidationError as error:
            raise _remapped(error, [position for position, _ in kept]) from None
