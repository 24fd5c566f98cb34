from django.core.exceptions import ValidationError
from django.test import SimpleTestCase

from home.blocks import SocialLinkBlock


class SocialLinkBlockTests(SimpleTestCase):
    def test_renders_a_profile_link(self):
        block = SocialLinkBlock()
        value = block.to_python({"label": "Mastodon", "url": "https://m.example/@h"})
        self.assertHTMLEqual(
            block.render(value),
            '<a href="https://m.example/@h" rel="me noopener">Mastodon</a>',
        )

    def test_needs_a_real_url(self):
        block = SocialLinkBlock()
        with self.assertRaises(ValidationError):
            block.clean(block.to_python({"label": "X", "url": "not a url"}))
