import time
from collections import Counter
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from articles.parsing import ArticleParseError, decode, parse_article
from articles.services import ArticleImportError, find_article_index, import_article
from core import cache_tags, database_statistics


class Command(BaseCommand):
    help = (
        "Import plain-text articles (title on the first line, paragraphs separated "
        "by blank lines, causes as “N. Title: explanation”). Each file is imported "
        "in its own transaction: a file that cannot be read writes nothing, is "
        "reported, and the others go on."
    )

    def add_arguments(self, parser):
        parser.add_argument("files", nargs="+", metavar="FILE")
        parser.add_argument(
            "--parent",
            metavar="PATH",
            help="URL path of the articles section, e.g. /articles/ "
            "(default: the only one)",
        )
        parser.add_argument(
            "--publish",
            action="store_true",
            help="publish the article, not just save a draft",
        )

    def handle(self, *args, files, parent, publish, **options):
        try:
            section = find_article_index(parent)
        except ArticleImportError as error:
            raise CommandError(str(error)) from error
        if len(files) == 1:
            self.report(self.import_file(Path(files[0]), section, publish))
            return
        self.import_many(files, section, publish, verbose=options["verbosity"] > 1)

    def import_many(self, files, section, publish, verbose):
        """Every file, with a progress bar (on a terminal) and a summary.

        The pages the import changes are dropped from the page cache once, at
        the end, rather than file by file.
        """
        started = time.monotonic()
        outcomes, failures = Counter(), []
        bar = tqdm(files, unit="file", file=self.stderr, disable=None)
        with cache_tags.batch():
            for name in bar:
                try:
                    result = self.import_file(Path(name), section, publish)
                except CommandError as error:
                    failures.append(str(error))
                    bar.write(str(error), file=self.stderr)
                    continue
                outcomes[result.action] += 1
                if verbose:
                    bar.write(self.describe(result), file=self.stdout)
        if sum(outcomes.values()) > len(files) // 10:
            database_statistics.refresh()  # many new rows: plan with their sizes
        seconds = time.monotonic() - started
        done = ", ".join(f"{count} {action}" for action, count in outcomes.items())
        self.stdout.write(
            f"{len(files)} files in {seconds:.1f} s "
            f"({len(files) / max(seconds, 1e-9):.1f} a second): "
            f"{done or 'nothing imported'}"
            + (f", {len(failures)} failed" if failures else "")
        )
        if failures:
            raise CommandError(
                f"{len(failures)} of {len(files)} files could not be imported "
                "(each reported above); the others were imported"
            )

    def report(self, result):
        self.stdout.write(self.describe(result))

    @staticmethod
    def describe(result):
        state = "published" if result.published else "draft"
        return (
            f"{result.action.capitalize()} “{result.page.title}” "
            f"({state}) at {result.page.url_path}"
        )

    def import_file(self, path, section, publish):
        try:
            data = path.read_bytes()
        except OSError as error:
            raise CommandError(
                f"{path}: cannot read the file ({error.strerror})"
            ) from error
        try:
            parsed = parse_article(decode(data))
            return import_article(parsed, parent=section, publish=publish)
        except (ArticleParseError, ArticleImportError) as error:
            raise CommandError(f"{path}: {error}; nothing was imported") from error
