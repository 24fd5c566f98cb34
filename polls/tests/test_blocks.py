from bs4 import BeautifulSoup
from django.test import TestCase

from polls.blocks import PollBlock
from polls.testing import make_page, make_poll


class PollBlockTests(TestCase):
    def test_renders_the_chosen_poll_for_the_page_with_its_own_anchor(self):
        poll = make_poll("Did this answer your question?")
        page = make_page("A page")
        block = PollBlock()
        html = block.render(block.to_python({"poll": poll.pk}), {"page": page})
        section = BeautifulSoup(html, "html.parser").select_one("section")
        self.assertEqual(section["id"], f"poll-{poll.pk}")
        self.assertEqual(
            section.find("h2").get_text(), "Did this answer your question?"
        )
