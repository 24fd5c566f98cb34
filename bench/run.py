"""`make bench`: how fast the site serves readers and records their votes.

Starts the real server (gunicorn, production settings, 2 workers) on a free
loopback port in a throwaway folder, prepares its own data, measures, prints
a table, writes bench/results/latest.json, and stops everything it started.

Scenarios, each reported as a ratio of the first (rows 2-4: of a run of it
on the same server just before them, ``bench.paired``):
1. static   - the article's HTML saved as a static file, served by whitenoise;
2. cached   - the article for anonymous readers, page cache on;
3. uncached - the article with the page cache off (p50/p99 latency too);
4. votes    - POSTs from wrk (32 connections), each a new reader voting
              on the articles in turn, on SQLite and on PostgreSQL; the database
              count must equal the acknowledged (2xx) votes, give or take
              those in flight when wrk stops; each is compared with a run of
              the static file just before it (``--repeat N``: N such pairs,
              the median);
5. reports  - the editors' views with 1,000 and with 1,000,000 votes over
              1,000 articles, the two sites timed in turn;
6. content  - pages at 1,000 and 100,000 articles, a newsroom's day through
              the page cache, and a bulk import (bench/content_scale.py).
"""

import argparse
import json
import os
import shutil
import statistics
import sys
from pathlib import Path

from bench import content_scale
from bench.measure import wrk
from bench.paired import paired_runs
from bench.postgres import (
    POSTGRES_URL,
    postgres_available,
    postgres_backend_pids,
    recreate_postgres_database,
)
from bench.server import (
    ROOT,
    Server,
    copy_database,
    fetch,
    free_port,
    generate,
    prepare_site,
    run_json,
    site_environment,
    workspace,
)
from bench.table import report_rows, table
from bench.votes_row import vote_rows

ARTICLE = "/articles/why-does-my-leg-go-numb-when-i-run/"
RESULTS = ROOT / "bench" / "results" / "latest.json"
REPORT_ROUNDS = 5
# The scenarios `--rows` can pick; static is always measured (every rate is
# a ratio of it).
ROWS = ("static", "cached", "uncached", "votes", "reports", "content")


def say(message):
    print(message, flush=True)


def article_row(server, args, static=None):
    """The article through ``server``, against the static file just before it."""
    return paired_runs(
        server,
        lambda: wrk(
            server.base_url + ARTICLE, args.duration, serving=server.worker_pids
        ),
        args.duration,
        repeat=args.repeat,
        static=static,
    )


def report_timings(env, label):
    say(f"  timing the report and dashboard panel with {label}")
    return run_json(env, "bench.reports")


def time_reports(env, args, workdir):
    """Scenario 5: the editors' views with the small site's votes, then grown
    to ``--large-votes``.

    The small site is kept as a copy, and the two are timed in turn,
    ``REPORT_ROUNDS`` times, each view's time the median of its rounds: a
    change in the machine's speed while they run moves both sides of a
    ratio, not one.
    """
    if not args.large_votes:
        return {"1k": report_timings(env, f"{args.small_votes:,} votes")}
    small_env = {**env, "DATABASE_URL": copy_database(env, workdir / "small.sqlite3")}
    say(f"Adding votes up to {args.large_votes:,} (a copy keeps the small site)")
    generate(env, args.articles, args.large_votes)
    rounds = {"1k": [], "1m": []}
    for n in range(1, REPORT_ROUNDS + 1):
        say(f"  round {n} of {REPORT_ROUNDS}")
        rounds["1k"].append(report_timings(small_env, f"{args.small_votes:,} votes"))
        rounds["1m"].append(report_timings(env, f"{args.large_votes:,} votes"))
    return {
        size: {view: statistics.median(run[view] for run in runs) for view in runs[0]}
        for size, runs in rounds.items()
    }


def run_reports_only(args):
    """Only scenario 5 (``--reports-only``): the editors' views at both sizes."""
    with workspace("bench-") as workdir:
        env = site_environment(workdir)
        say("Preparing a throwaway site (migrate, demo content, collectstatic)")
        prepare_site(env, free_port())
        say(f"Creating {args.articles:,} articles and {args.small_votes:,} votes")
        generate(env, args.articles, args.small_votes)
        return time_reports(env, args, workdir)


def run(args):
    rows = args.rows
    results = {"duration_s": args.duration, "scenarios": {}}
    scenarios = results["scenarios"]
    with workspace("bench-") as workdir:
        port = free_port()
        env = site_environment(workdir)
        say("Preparing a throwaway site (migrate, demo content, collectstatic)")
        prepare_site(env, port)
        say(f"Creating {args.articles:,} articles and {args.small_votes:,} votes")
        generate(env, args.articles, args.small_votes)

        say("Saving the article's HTML as a static file")
        with Server(env, port, log_path=workdir / "gunicorn.log") as server:
            html = fetch(server.base_url + ARTICLE)
        static_file = Path(env["STATIC_ROOT"]) / "bench" / "article.html"
        static_file.parent.mkdir(parents=True, exist_ok=True)
        static_file.write_bytes(html)

        with Server(env, port, log_path=workdir / "gunicorn.log") as server:
            say("1. static file through whitenoise")
            scenarios["static"] = static = wrk(
                f"{server.base_url}/static/bench/article.html",
                args.duration,
                serving=server.worker_pids,
            )
            if "cached" in rows:
                say("2. article, page cache on")
                fetch(server.base_url + ARTICLE)
                scenarios["cached"] = article_row(server, args, static)
            if "votes" in rows:
                say("4. votes on SQLite (WAL)")
                scenarios["votes_sqlite"] = vote_rows(
                    server, env, args, static=None if "cached" in rows else static
                )

        if "uncached" in rows:
            uncached_env = {**env, "PAGE_CACHE_ENABLED": "0"}
            log = workdir / "gunicorn.log"
            with Server(uncached_env, port, log_path=log) as server:
                say("3. article, page cache off")
                scenarios["uncached"] = article_row(server, args)

        if "reports" in rows:
            scenarios["reports"] = time_reports(env, args, workdir)

        if "votes" not in rows:
            pass
        elif args.skip_postgres:
            scenarios["votes_postgres"] = {"skipped": "skipped (--skip-postgres)"}
        elif not postgres_available():
            scenarios["votes_postgres"] = {"skipped": "PostgreSQL is not reachable"}
        else:
            say("4. votes on PostgreSQL")
            recreate_postgres_database()
            pg_env = site_environment(workdir, database_url=POSTGRES_URL)
            pg_env["STATIC_ROOT"] = env["STATIC_ROOT"]
            prepare_site(pg_env, port)
            generate(pg_env, args.articles, 0)
            with Server(pg_env, port, log_path=workdir / "gunicorn-pg.log") as server:
                scenarios["votes_postgres"] = vote_rows(
                    server, pg_env, args, database_pids=postgres_backend_pids
                )
    if "content" in rows:
        say("6. content: a newsroom's size, day and import")
        scenarios["content"] = content_scale.run(
            rebuild=args.rebuild_content, skip_postgres=args.skip_postgres
        )
    return results


def rows_argument(value):
    rows = {row.strip() for row in value.split(",") if row.strip()}
    unknown = rows - set(ROWS)
    if unknown:
        raise argparse.ArgumentTypeError(
            f"unknown rows {', '.join(sorted(unknown))}; choose from {', '.join(ROWS)}"
        )
    return {"static", *rows}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--duration", type=int, default=int(os.environ.get("BENCH_DURATION", 10))
    )
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--small-votes", type=int, default=1000)
    parser.add_argument("--large-votes", type=int, default=1_000_000)
    parser.add_argument("--skip-postgres", action="store_true")
    parser.add_argument(
        "--repeat",
        type=int,
        choices=range(1, 10),
        default=int(os.environ.get("BENCH_REPEAT", 1)),
        metavar="N",
        help="run each vote row N times (1-9), each after a run of the static "
        "file, and report the run with the median ratio (default 1)",
    )
    parser.add_argument(
        "--rows",
        type=rows_argument,
        default=ROWS,
        help=f"comma-separated scenarios to run, of {', '.join(ROWS)} (default: "
        "all); static is always run. `--rows votes` measures only the votes.",
    )
    parser.add_argument(
        "--rebuild-content",
        action="store_true",
        help="build the content rows' sites afresh instead of reusing them",
    )
    parser.add_argument(
        "--reports-only",
        action="store_true",
        help="time only the editors' views (scenario 5); writes no results file",
    )
    args = parser.parse_args(argv)
    if args.reports_only:
        reports = run_reports_only(args)
        say("\n" + "\n".join(report_rows(reports)))
        return
    if not shutil.which("wrk"):
        sys.exit(
            "wrk is needed: `apt-get install wrk` (make bench does this when it can)."
        )
    results = run(args)
    text = table(results)
    if "content" in results["scenarios"]:
        text += "\n\n" + "\n".join(content_scale.lines(results["scenarios"]["content"]))
    say("\n" + text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({**results, "table": text}, indent=2))
    say(f"\nWritten to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
