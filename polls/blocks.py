from wagtail import blocks
from wagtail.snippets.blocks import SnippetChooserBlock


class PollBlock(blocks.StructBlock):
    """A poll placed inside a page's body, in addition to the one at its end."""

    poll = SnippetChooserBlock(
        "polls.Poll", help_text="Readers answer it here; results appear in reports."
    )

    class Meta:
        icon = "help"
        label = "Poll"
        template = "polls/blocks/poll.html"
        description = "Ask readers a question with a few answers."
