"""The importer on random, truncated and mangled text (Hypothesis).

Whatever the file holds, `import_article` ends in one of two ways: a clear
error that says nothing was imported (and nothing was), or an article that
passes the page's own validation and renders. Never a traceback, never half a
page. Imports write pages, so each test runs a tenth of the profile's
``max_examples`` (conftest.py): 30 each in CI, 350 in `make soak`.
"""

from http import HTTPStatus
from io import StringIO
from pathlib import Path
from tempfile import TemporaryDirectory

from django.core.management import call_command
from django.core.management.base import CommandError
from hypothesis import event, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase
from wagtail.models import Page, Revision

from articles.models import ArticlePage
from testing.demo import SEED
from testing.pages import make_index, site_root

SEED_BYTES = SEED.read_bytes()
SEED_LINES = SEED.read_text().splitlines()
EXAMPLES = settings(max_examples=max(10, settings.default.max_examples // 10))

# Lines shaped like the format's, so mangled files get past the first checks.
format_lines = st.one_of(
    st.sampled_from(SEED_LINES),
    st.builds(
        "{}. {}: {}".format,
        st.integers(min_value=0, max_value=1200),
        st.text(max_size=150),
        st.text(max_size=300),
    ),
    st.builds("In conclusion, {}".format, st.text(max_size=200)),
    st.builds("To prevent {}".format, st.text(max_size=200)),
    st.sampled_from(["", " ", "Was this article helpful?", "YesNo", "\t", "1."]),
    st.text(max_size=300),
)


@st.composite
def mangled_seed(draw):
    """The seed with lines dropped, repeated, swapped or replaced."""
    lines = list(SEED_LINES)
    for _ in range(draw(st.integers(min_value=1, max_value=6))):
        where = draw(st.integers(min_value=0, max_value=len(lines)))
        action = draw(st.sampled_from(["drop", "insert", "repeat", "swap"]))
        if action == "insert" or not lines:
            lines.insert(where, draw(format_lines))
            continue
        where = min(where, len(lines) - 1)
        if action == "drop":
            del lines[where]
        elif action == "repeat":
            lines.insert(where, lines[where])
        else:
            other = draw(st.integers(min_value=0, max_value=len(lines) - 1))
            lines[where], lines[other] = lines[other], lines[where]
    return "\n".join(lines).encode()


files = st.one_of(
    st.integers(min_value=0, max_value=len(SEED_BYTES)).map(lambda n: SEED_BYTES[:n]),
    mangled_seed(),
    st.lists(format_lines, max_size=30).map(lambda lines: "\n".join(lines).encode()),
    st.binary(max_size=2000),
    st.text(max_size=2000).map(lambda text: text.encode("utf-8", "surrogatepass")),
)


def import_file(data, *args):
    with TemporaryDirectory() as folder:
        path = Path(folder) / "article.txt"
        path.write_bytes(data)
        call_command("import_article", str(path), *args, stdout=StringIO())


def written():
    return Page.objects.count(), Revision.objects.count()


class ImportPropertyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_index(site_root())

    @EXAMPLES
    @given(data=files, publish=st.booleans())
    def test_any_file_is_a_valid_article_or_a_clear_error(self, data, publish):
        before = written()
        try:
            import_file(data, *(["--publish"] if publish else []))
        except CommandError as error:
            event("refused")
            self.assertIn("nothing was imported", str(error))
            self.assertIn("article.txt", str(error))
            self.assertEqual(written(), before)
            return
        event("imported")
        article = ArticlePage.objects.get()
        article.full_clean()
        self.assertEqual(article.live, publish)
        self.assertEqual(written(), (before[0] + 1, before[1] + 1))
        if publish:
            response = self.client.get(article.url)
            self.assertEqual(response.status_code, HTTPStatus.OK)
            self.assertContains(response, "<h1", count=1)


class ReimportPropertyTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        make_index(site_root())
        import_file(SEED_BYTES, "--publish")
        cls.article = ArticlePage.objects.get()

    @EXAMPLES
    @given(cut=st.integers(min_value=1, max_value=len(SEED_BYTES) - 1))
    def test_reimporting_a_truncated_seed_adds_a_revision_or_nothing(self, cut):
        before = written()
        try:
            import_file(SEED_BYTES[:cut], "--publish")
        except CommandError:
            event("refused")
            self.assertEqual(written(), before)
            return
        event("imported")
        self.assertEqual(ArticlePage.objects.get(), self.article)
        self.assertLessEqual(self.article.revisions.count(), 2)
        self.assertEqual(self.client.get(self.article.url).status_code, HTTPStatus.OK)
