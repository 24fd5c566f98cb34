"""polls is reusable: it names none of this site's groups.

That it imports none of the site's apps is an import-linter contract
(``pyproject.toml``, run by ``make test``). A site grants polls' permissions
to its own groups (this one in ``articles.0006``), so no file in polls names
a group. The names are read from the test database, where the site's
migrations (and Wagtail's) have created them, so this file names none either.
"""

import re
import tempfile
from pathlib import Path

from django.contrib.auth.models import Group
from django.test import TestCase

import polls

TEXT_FILES = ("*.py", "*.html", "*.txt", "*.md", "*.js", "*.css")
ROOT = Path(polls.__file__).parent


def names_mentioned(root, names):
    """``(file, name)`` for each of ``names`` that a text file under ``root`` has."""
    patterns = {name: re.compile(rf"\b{re.escape(name)}\b") for name in names}
    return [
        (str(path.relative_to(root)), name)
        for pattern_glob in TEXT_FILES
        for path in sorted(root.rglob(pattern_glob))
        for name, pattern in patterns.items()
        if pattern.search(path.read_text())
    ]


class GroupNamesTests(TestCase):
    def test_no_file_in_polls_names_a_group_of_the_site(self):
        names = list(Group.objects.values_list("name", flat=True))
        self.assertGreaterEqual(len(names), 2, "the site's migrations made no groups")
        self.assertEqual(names_mentioned(ROOT, names), [])

    def test_the_check_sees_a_group_name(self):
        group = Group.objects.create(name="Night shift")
        sample = Path(self.enterContext(tempfile.TemporaryDirectory()))
        (sample / "views.py").write_text('GROUP = "Night shift"\n')
        (sample / "page.html").write_text("<p>Ask the Night shifts.</p>\n")
        self.assertEqual(
            names_mentioned(sample, [group.name]), [("views.py", group.name)]
        )
