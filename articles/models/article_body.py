"""How an article's body reads: its sections and anchors, and its length."""

import math
from dataclasses import dataclass
from html import unescape

from django.db.models import prefetch_related_objects
from django.utils.functional import cached_property
from django.utils.html import strip_tags
from django.utils.text import slugify

WORDS_PER_MINUTE = 200


@dataclass(frozen=True)
class Section:
    """One body block as the page renders it, with its heading's anchor."""

    block: object
    heading: str
    anchor: str


class ArticleBodyMixin:
    """For ``ArticlePage``: reads its ``body`` and ``summary`` as readers see them."""

    # Ids the page template already uses; a heading never takes one of them.
    RESERVED_ANCHORS = (
        "main",
        "contents",
        "references",
        "poll",
        "reviewer",
        "disclaimer",
        "related",
        "site-search",
        "search-query",
    )

    @cached_property
    def reading_time(self):
        """Minutes to read the body at an unhurried 200 words a minute."""
        text = self.body.stream_block.get_searchable_content(self.body)
        words = sum(len(chunk.split()) for chunk in text)
        return max(1, math.ceil(words / WORDS_PER_MINUTE))

    def sections(self):
        """The body's blocks with unique anchors for those that have a heading.

        Also fetches the renditions of every image in the body in one query,
        so a page with many images does not query once per image.
        """
        images = [
            block.value["image"]
            for block in self.body
            if block.block_type == "image" and block.value["image"] is not None
        ]
        prefetch_related_objects(images, "renditions")
        used = set(self.RESERVED_ANCHORS)
        sections = []
        for position, block in enumerate(self.body):
            if position == 0 and self.repeats_summary(block):
                continue
            heading = ""
            if isinstance(block.value, dict):
                heading = block.value.get("heading") or ""
            anchor = ""
            if heading:
                base = slugify(heading) or "section"
                anchor, n = base, 2
                while anchor in used:
                    anchor, n = f"{base}-{n}", n + 1
                used.add(anchor)
            sections.append(Section(block=block, heading=heading, anchor=anchor))
        return sections

    def repeats_summary(self, block):
        """True for a paragraph that only says the summary again.

        The header shows the summary as the lede; an opening paragraph typed
        (or pasted) with the same words would make readers read it twice.
        """
        if block.block_type != "paragraph":
            return False
        text = " ".join(unescape(strip_tags(block.value.source)).split())
        return text == " ".join(self.summary.split())
