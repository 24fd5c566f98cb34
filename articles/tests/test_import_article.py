"""The import_article command: whole articles in, or nothing at all."""

from io import StringIO
from pathlib import Path
from tempfile import TemporaryDirectory
from unittest import mock

from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import TestCase
from wagtail.models import Page, Revision

from articles.models import ArticlePage
from testing.demo import SEED
from testing.pages import make_index, site_root


class ImportArticleCommandTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_index(site_root())

    def setUp(self):
        self.tmp = TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def write(self, text, name="article.txt"):
        path = Path(self.tmp.name) / name
        path.write_bytes(text if isinstance(text, bytes) else text.encode())
        return str(path)

    def run_command(self, *args):
        out = StringIO()
        call_command("import_article", *args, stdout=out, stderr=StringIO())
        return out.getvalue()

    def test_imports_the_seed_as_a_published_structured_article(self):
        output = self.run_command(str(SEED), "--publish")
        article = ArticlePage.objects.get()
        self.assertIn("Created", output)
        self.assertTrue(article.live)
        self.assertEqual(article.get_parent().specific, self.index)
        self.assertEqual(article.slug, "why-does-my-leg-go-numb-when-i-run")
        types = [block.block_type for block in article.body]
        self.assertEqual(types, ["paragraph", "causes", "prevention", "conclusion"])
        causes = article.body[1].value["causes"]
        self.assertEqual(len(causes), 5)
        self.assertEqual(causes[4]["title"], "Medical conditions")

    def test_without_publish_it_saves_a_draft(self):
        self.run_command(str(SEED))
        article = ArticlePage.objects.get()
        self.assertFalse(article.live)
        self.assertEqual(article.revisions.count(), 1)

    def test_reimporting_the_same_text_writes_nothing(self):
        self.run_command(str(SEED), "--publish")
        revisions = Revision.objects.count()
        output = self.run_command(str(SEED), "--publish")
        self.assertIn("Unchanged", output)
        self.assertEqual(ArticlePage.objects.count(), 1)
        self.assertEqual(Revision.objects.count(), revisions)

    def test_reimporting_changed_text_adds_a_revision_to_the_same_article(self):
        self.run_command(str(SEED), "--publish")
        changed = SEED.read_text().replace("Poor blood flow:", "Reduced circulation:")
        output = self.run_command(self.write(changed), "--publish")
        article = ArticlePage.objects.get()
        self.assertIn("Updated", output)
        self.assertEqual(article.revisions.count(), 2)
        self.assertEqual(
            article.body[1].value["causes"][1]["title"], "Reduced circulation"
        )

    def test_a_broken_file_names_the_line_and_writes_nothing(self):
        pages, revisions = Page.objects.count(), Revision.objects.count()
        broken = "A title\n\nIntro.\n\n1. First: one\n2. Second without a colon\n"
        with self.assertRaises(CommandError) as caught:
            self.run_command(self.write(broken), "--publish")
        self.assertIn("line 6", str(caught.exception))
        self.assertIn("nothing was imported", str(caught.exception))
        self.assertEqual(Page.objects.count(), pages)
        self.assertEqual(Revision.objects.count(), revisions)

    def test_unreadable_and_missing_files_are_clear_errors(self):
        cases = {
            "not utf-8": (self.write(b"Title\n\n\xff\xfe text", "latin.txt"), "UTF-8"),
            "missing": (str(Path(self.tmp.name) / "nope.txt"), "cannot read"),
            "empty": (self.write("", "empty.txt"), "title"),
        }
        for name, (path, words) in cases.items():
            with self.subTest(name):
                with self.assertRaises(CommandError) as caught:
                    self.run_command(path)
                self.assertIn(words, str(caught.exception))
        self.assertFalse(ArticlePage.objects.exists())

    def test_a_field_the_page_rejects_rolls_everything_back(self):
        two_conclusions = "Title\n\nIn conclusion, one.\n\nIn conclusion, two."
        with self.assertRaises(CommandError) as caught:
            self.run_command(self.write(two_conclusions))
        self.assertIn(
            "body: Conclusion: The maximum number of items is 1", str(caught.exception)
        )
        self.assertFalse(ArticlePage.objects.exists())

    def test_parent_must_name_an_articles_section(self):
        self.assertIn("Created", self.run_command(str(SEED), "--parent", "/articles/"))
        with self.assertRaises(CommandError) as caught:
            self.run_command(str(SEED), "--parent", "/nowhere/")
        self.assertIn("/nowhere/", str(caught.exception))

    def test_several_files_report_progress_and_import_the_good_ones(self):
        good = self.write("Second article\n\nSome text.", "b.txt")
        bad = self.write("", "c.txt")
        with self.assertRaises(CommandError) as caught:
            out = StringIO()
            call_command(
                "import_article", str(SEED), good, bad, stdout=out, stderr=StringIO()
            )
        self.assertIn("1 of 3", str(caught.exception))
        self.assertEqual(ArticlePage.objects.count(), 2)

    def test_many_files_end_with_a_summary_naming_each_failure(self):
        files = [
            self.write(f"Article {n}\n\nSome text {n}.", f"{n}.txt") for n in range(3)
        ]
        bad = self.write(b"\xff\xfe not text", "bad.txt")
        out, err = StringIO(), StringIO()
        with self.assertRaises(CommandError) as caught:
            call_command(
                "import_article", *files, bad, "--publish", stdout=out, stderr=err
            )
        summary = out.getvalue().strip().splitlines()[-1]
        self.assertRegex(summary, r"^4 files in [\d.]+ s \([\d.]+ a second\): ")
        self.assertIn("3 created, 1 failed", summary)
        self.assertIn("bad.txt", err.getvalue())
        self.assertIn("the others were imported", str(caught.exception))
        self.assertEqual(ArticlePage.objects.live().count(), 3)

    def test_many_files_drop_the_cached_pages_once_at_the_end(self):
        files = [
            self.write(f"Article {n}\n\nSome text {n}.", f"{n}.txt") for n in range(3)
        ]
        with mock.patch("core.cache_tags.record") as record:
            self.run_command(*files, "--publish")
        self.assertEqual(record.call_count, 1)
        self.assertIn("articles:newest", record.call_args.args[0])
