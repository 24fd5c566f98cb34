from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from articles.parsing import ArticleParseError, decode, parse_article
from articles.services import ArticleImportError, find_article_index, import_article


class Command(BaseCommand):
    help = (
        "Import plain-text articles (title on the first line, paragraphs separated "
        "by blank lines, causes as “N. Title: explanation”). Each file is imported "
        "in its own transaction: a file that cannot be read writes nothing."
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
        failures = 0
        total = len(files)
        for position, name in enumerate(files, start=1):
            progress = f"[{position}/{total}] " if total > 1 else ""
            try:
                result = self.import_file(Path(name), section, publish)
            except CommandError as error:
                if total == 1:
                    raise
                failures += 1
                self.stderr.write(f"{progress}{error}")
                continue
            state = "published" if result.published else "draft"
            self.stdout.write(
                f"{progress}{result.action.capitalize()} “{result.page.title}” "
                f"({state}) at {result.page.url_path}"
            )
        if failures:
            raise CommandError(f"{failures} of {total} files could not be imported")

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
