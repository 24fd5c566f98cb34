"""`make bench`'s content rows: a newsroom's size, a newsroom's day, an import.

- Pages: sites of 1,000 and 100,000 articles (200 topics, five sections,
  three votes an article; ``bench.content_site`` builds them in bulk), on
  SQLite and on PostgreSQL. Each page that could grow with the articles is
  timed in process with the page, route and fragment caches off
  (``bench.content_pages``); the row gives both times, their ratio (goal: at
  most 1.5) and both query counts (goal: equal).
- Newsroom: readers and an editor on the 1,000-article site
  (``bench.newsroom``): the page cache's hit rate with one global generation
  and with cache tags (goal: at least 95%).
- Import: ``import_article --publish`` of 1,000 article files into the
  1,000-article site (goal: at most 2 minutes).

Built sites are kept in bench/results/content/ (SQLite) and in the
PostgreSQL databases bench_content_<size> (migrated again each run), since
building 100,000 articles takes many minutes; ``--rebuild-content`` starts
them afresh.
"""

import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.postgres import POSTGRES_SERVER, ensure_database, postgres_available
from bench.server import PYTHON, ROOT, manage, prepare_site, site_environment

KEPT = ROOT / "bench" / "results" / "content"
SIZES = {"1k": 1_000, "100k": 100_000}
FILES = 1_000
RATIO_GOAL = 1.5
# A sitemap file fills up to SITEMAP_URLS_PER_FILE addresses: its goal is a time.
TIME_GOALS_MS = {"sitemap file": 1000}


def say(message):
    print(message, flush=True)


def python(env, *args, capture=False):
    result = subprocess.run(
        [PYTHON, *args],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=capture,
        text=True,
    )
    return result.stdout if capture else None


def last_json(output):
    return json.loads(output.strip().splitlines()[-1])


def sqlite_env(size, rebuild):
    folder = KEPT / f"sqlite-{size}"
    if rebuild and folder.exists():
        shutil.rmtree(folder)
    folder.mkdir(parents=True, exist_ok=True)
    return site_environment(folder)


def postgres_env(size, rebuild):
    database = f"bench_content_{size}"
    ensure_database(database, recreate=rebuild)
    folder = KEPT / f"postgres-{size}"
    folder.mkdir(parents=True, exist_ok=True)
    return site_environment(folder, database_url=f"{POSTGRES_SERVER}/{database}")


def ready_site(env, articles):
    """Migrate (and on first use build) a content site of ``articles``."""
    prepare_site(env, 8000)
    python(env, "-m", "bench.content_site", "--articles", str(articles))


def time_pages(env):
    return last_json(python(env, "-m", "bench.content_pages", capture=True))


def page_rows(database, sites):
    small, large = sites["1k"], sites["100k"]
    lines = [
        f"Content scale on {database}: 1,000 and 100,000 articles, in process, "
        "caches off, median of 7",
        f"{'page':32s} {'1k ms':>8s} {'100k ms':>8s} {'ratio':>7s}  queries",
    ]
    for name, row in large.items():
        before = small[name]
        ratio = row["ms"] / max(before["ms"], 1e-9)
        queries = f"{before['queries']} / {row['queries']}"
        if name in TIME_GOALS_MS:  # grows by design, up to its own goal
            flat = row["ms"] <= TIME_GOALS_MS[name]
        else:
            flat = ratio <= RATIO_GOAL
        flat = flat and before["queries"] == row["queries"]
        times = f"{before['ms']:8.1f} {row['ms']:8.1f} {ratio:6.2f}x"
        lines.append(f"{name:32s} {times}  {queries}{'' if flat else '  <-'}")
    return lines


def run_import(env):
    """Import ``FILES`` made-up articles into a copy of the site; seconds."""
    with tempfile.TemporaryDirectory(prefix="bench-import-") as folder:
        folder = Path(folder)
        copy = folder / "site.sqlite3"
        shutil.copy(env["DATABASE_URL"].removeprefix("sqlite:///"), copy)
        import_env = {**env, "DATABASE_URL": f"sqlite:///{copy}"}
        python(
            import_env, "-m", "bench.article_files", str(folder / "files"), str(FILES)
        )
        files = sorted(str(path) for path in (folder / "files").glob("*.txt"))
        started = time.monotonic()
        manage(
            import_env, "import_article", "--publish", "--parent", "/articles/", *files
        )
        return time.monotonic() - started


def run_newsroom(env):
    with tempfile.TemporaryDirectory(prefix="bench-newsroom-") as folder:
        copy = Path(folder) / "site.sqlite3"
        shutil.copy(env["DATABASE_URL"].removeprefix("sqlite:///"), copy)
        news_env = {**env, "DATABASE_URL": f"sqlite:///{copy}"}
        return last_json(python(news_env, "-m", "bench.newsroom", capture=True))


def run(rebuild=False, skip_postgres=False):
    results = {}
    databases = {"SQLite": sqlite_env}
    if not skip_postgres and postgres_available():
        databases["PostgreSQL"] = postgres_env
    for database, make_env in databases.items():
        sites = {}
        for size, articles in SIZES.items():
            env = make_env(size, rebuild)
            say(f"Content site of {articles:,} articles on {database}")
            ready_site(env, articles)
            sites[size] = time_pages(env)
            if database == "SQLite" and size == "1k":
                say("Newsroom: readers while an editor publishes")
                results["newsroom"] = run_newsroom(env)
                say(f"Importing {FILES:,} article files")
                results["import_s"] = run_import(env)
        results[database] = sites
    return results


def lines(results):
    out = []
    for database in ("SQLite", "PostgreSQL"):
        if database in results:
            out += page_rows(database, results[database]) + [""]
    news = results["newsroom"]
    out.append(
        f"Newsroom ({news['requests']:,} reads of {news['articles']:,} articles, "
        f"{news['targeted']['publishes']} publishes): page cache hits "
        f"{news['global']['hit_rate']:.1%} with one generation, "
        f"{news['targeted']['hit_rate']:.1%} with cache tags (goal 95%); "
        f"related-articles parts rendered {news['targeted']['parts_rendered']:,} "
        "times (warm-up included)"
    )
    seconds = results["import_s"]
    out.append(
        f"Import: {FILES:,} files in {seconds:.0f} s, "
        f"{FILES / seconds:.1f} articles a second (goal: 120 s)"
    )
    return out


if __name__ == "__main__":
    outcome = run(
        rebuild="--rebuild-content" in sys.argv,
        skip_postgres="--skip-postgres" in sys.argv,
    )
    print("\n".join(lines(outcome)))
