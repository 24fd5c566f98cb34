"""The settings core reads are declared in base.py, with what production uses."""

import re
from pathlib import Path

from django.conf import settings
from django.test import SimpleTestCase

from config.settings import base


class CacheSettingsTests(SimpleTestCase):
    def test_the_caches_are_on_unless_a_settings_file_says_otherwise(self):
        self.assertIs(base.ROUTE_CACHE_ENABLED, True)
        self.assertIs(base.FRAGMENT_CACHE_ENABLED, True)
        self.assertEqual(base.PAGE_CACHE_TIMEOUT, 3600)
        self.assertEqual(base.PAGE_MAX_AGE, 60)

    def test_core_reads_its_settings_plainly(self):
        """A setting read with a getattr default may be missing from base.py."""
        core = Path(settings.BASE_DIR) / "core"
        readers = [
            str(path.relative_to(core))
            for path in core.rglob("*.py")
            if "tests" not in path.parts
            and re.search(r"getattr\(\s*settings", path.read_text())
        ]
        self.assertEqual(readers, [])
