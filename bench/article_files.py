"""Write made-up articles as plain-text files, for the import's benchmark.

``python -m bench.article_files FOLDER COUNT``: the editorial format that
``import_article`` reads (``testing.corpus.as_text``), with titles no other
benchmark article has.
"""

import sys
from pathlib import Path

from testing import corpus

# Far beyond the numbers the content sites use, so every title is new there.
FIRST = 500_000


def write(folder, count):
    folder.mkdir(parents=True, exist_ok=True)
    for n in range(count):
        text = corpus.as_text(corpus.article(FIRST + n))
        (folder / f"article-{n:05d}.txt").write_text(text)


if __name__ == "__main__":
    write(Path(sys.argv[1]), int(sys.argv[2]))
