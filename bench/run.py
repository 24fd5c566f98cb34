"""`make bench`: how fast the site serves readers and records their votes.

Starts the real server (gunicorn, production settings, 2 workers) on a free
loopback port in a throwaway folder, prepares its own data, measures, prints
a table, writes bench/results/latest.json, and stops everything it started.

Scenarios, each reported as a ratio of the first:
1. static   - the article's HTML saved as a static file, served by whitenoise;
2. cached   - the article for anonymous readers, page cache on;
3. uncached - the article with the page cache off (p50/p99 latency too);
4. votes    - POSTs from wrk (32 connections), each a new reader voting
              on the articles in turn, on SQLite and on PostgreSQL; the database
              count must equal the acknowledged (2xx) votes, give or take
              those in flight when wrk stops; each is compared with a run of
              the static file just before it (``--repeat N``: N such pairs,
              the median);
5. reports  - the "Article helpfulness" report and the dashboard panel with
              1,000 and with 1,000,000 votes over 1,000 articles.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import subprocess
import sys
from pathlib import Path

from bench.server import (
    BROWSER_AGENT,
    PYTHON,
    ROOT,
    Server,
    fetch,
    free_port,
    prepare_site,
    run_json,
    site_environment,
    workspace,
)

ARTICLE = "/articles/why-does-my-leg-go-numb-when-i-run/"
RESULTS = ROOT / "bench" / "results" / "latest.json"
VOTES_SCRIPT = ROOT / "bench" / "votes.lua"
POSTGRES_SERVER = "postgres://postgres@127.0.0.1:5432"
# Dropped and created again by every run; another name keeps two runs on one
# server apart.
POSTGRES_DATABASE = os.environ.get("BENCH_POSTGRES_DATABASE", "bench_health")
POSTGRES_URL = f"{POSTGRES_SERVER}/{POSTGRES_DATABASE}"
# The scenarios `--rows` can pick; static is always measured (every rate is
# a ratio of it).
ROWS = ("static", "cached", "uncached", "votes", "reports")


def say(message):
    print(message, flush=True)


def wrk(
    url,
    duration,
    connections=32,
    script=None,
    script_args=(),
    serving=None,
    database=None,
):
    """Requests/s and latency percentiles (ms) from wrk.

    With a Lua ``script``, its ``done()`` may print one line of JSON, which
    is returned as ``script_result``. ``serving()`` gives the pids of the
    processes that serve the requests (gunicorn's workers) and
    ``database()`` those of the database server's backends, asked before and
    after: their CPU time per request is returned too (together, and the
    database's share apart), a figure that other work on the machine changes
    far less than the rate. ``machine_idle`` is the share of the machine's
    CPU time left idle meanwhile: near 0 when the row is limited by CPU, as
    the static file is, higher when its processes wait (a disk flush, a lock).
    """
    command = ["wrk", "-t2", f"-c{connections}", f"-d{duration}s", "--latency"]
    if script:
        command += ["-s", str(script)]
    command.append(url)
    if script_args:
        command += ["--", *map(str, script_args)]
    serving, database = serving or list, database or list
    web_before = {pid: cpu_seconds(pid) for pid in serving()}
    database_before = {pid: cpu_seconds(pid) for pid in database()}
    idle_before = machine_cpu()
    output = subprocess.run(command, capture_output=True, text=True, check=True).stdout
    idle_after = machine_cpu()
    web_used = cpu_used_since(web_before, serving())
    database_used = cpu_used_since(database_before, database())
    rate = float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    result = {
        "requests_per_second": rate,
        "p50_ms": _wrk_latency(output, "50%"),
        "p99_ms": _wrk_latency(output, "99%"),
        "non_2xx": int(errors.group(1)) if errors else 0,
        "socket_errors": socket_errors.group(1).strip() if socket_errors else "",
        "machine_idle": idle_share(idle_before, idle_after),
    }
    answered = int(re.search(r"(\d+) requests in", output).group(1))
    if web_before and answered:
        result["cpu_ms_per_request"] = 1000 * (web_used + database_used) / answered
    if database_before and answered:
        result["database_cpu_ms_per_request"] = 1000 * database_used / answered
    printed = [line for line in output.splitlines() if line.startswith("{")]
    if printed:
        result["script_result"] = json.loads(printed[-1])
    return result


def cpu_used_since(before, pids_now):
    """CPU seconds used since ``before`` (pid → seconds) by those processes
    and by ``pids_now``, which may have started since."""
    return sum(
        max(0.0, cpu_seconds(pid) - before.get(pid, 0.0))
        for pid in set(pids_now) | set(before)
    )


def machine_cpu():
    """(idle, total) CPU time of the whole machine so far, in clock ticks."""
    fields = [int(n) for n in Path("/proc/stat").read_text().split()[1:9]]
    return fields[3] + fields[4], sum(fields)  # idle + iowait, all


def idle_share(before, after):
    """The share of the machine's CPU time left idle between two ``machine_cpu``."""
    idle, total = after[0] - before[0], after[1] - before[1]
    return idle / total if total else 0.0


def cpu_seconds(pid):
    """User + system CPU seconds process ``pid`` has used, or 0 if it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _wrk_latency(output, label):
    match = re.search(rf"{re.escape(label)}\s+([\d.]+)(us|ms|s)\b", output)
    value, unit = float(match.group(1)), match.group(2)
    return value / 1000 if unit == "us" else value * 1000 if unit == "s" else value


def django_shell(env, code):
    return subprocess.run(
        [PYTHON, "manage.py", "shell", "-c", code],
        cwd=ROOT,
        env=env,
        check=True,
        capture_output=True,
        text=True,
    ).stdout.strip()


def article_ids(env):
    """(poll id, Yes choice id, article page ids) from the throwaway site."""
    code = (
        "import json;from polls.models import Poll;"
        "from articles.models import ArticlePage;"
        "p=Poll.objects.get(question='Was this article helpful?');"
        "print(json.dumps([p.pk, p.choices.order_by('sort_order')[0].pk,"
        "list(ArticlePage.objects.live().values_list('pk', flat=True))]))"
    )
    return json.loads(django_shell(env, code).splitlines()[-1])


def count_endpoint_votes(env):
    code = (
        "from polls.models import Response;"
        "print(Response.objects.exclude(reader_key__startswith='bench-').count())"
    )
    return int(django_shell(env, code).splitlines()[-1])


def vote_scenario(server, env, duration, connections=32, database_pids=None):
    """Votes driven by wrk, as the static row is: every request a new reader's
    first "Yes", on the articles in turn (``bench/votes.lua``).

    wrk stops at the deadline without reading the answers still in flight,
    so up to ``connections`` votes may be stored without being acknowledged
    (and a timed-out request may or may not have been stored): the row is
    exact when every acknowledged vote is stored and nothing else is, give
    or take those. ``database_pids()`` gives the database server's processes
    that serve the site, whose CPU counts with the workers'.
    """
    poll, choice, pages = article_ids(env)
    stored_before = count_endpoint_votes(env)
    result = wrk(
        server.base_url + "/polls/vote/",
        duration,
        connections,
        script=VOTES_SCRIPT,
        script_args=(
            poll,
            choice,
            ",".join(map(str, pages)),
            secrets.token_hex(4),
            BROWSER_AGENT,
        ),
        serving=server.worker_pids,
        database=database_pids,
    )
    counts = result.pop("script_result")
    stored = count_endpoint_votes(env) - stored_before
    unanswered = counts["sent"] - counts["acknowledged"] - counts["refused"]
    return {
        **result,
        **counts,
        "stored": stored,
        "unanswered": unanswered,
        "exact": (
            counts["refused"] == 0
            and counts["acknowledged"] <= stored <= counts["acknowledged"] + unanswered
        ),
    }


def vote_rows(server, env, args, static=None, database_pids=None):
    """The vote row, ``args.repeat`` times, each run after a run of the static
    file on the same server (``static``, if given, is the first one).

    Each run's rate is compared with the static run just before it, so a
    change in the machine's speed between rows (this shared machine's swings
    are larger than a target's margin) moves both sides of the ratio. The
    row is the run with the median ratio, exact only if every run was.
    """
    static_url = f"{server.base_url}/static/bench/article.html"
    runs = []
    for number in range(args.repeat):
        if static is None or number > 0:
            static = wrk(static_url, args.duration, serving=server.worker_pids)
        votes = vote_scenario(server, env, args.duration, database_pids=database_pids)
        votes["static_requests_per_second"] = static["requests_per_second"]
        votes["ratio"] = votes["requests_per_second"] / static["requests_per_second"]
        runs.append(votes)
    return median_run(runs)


def median_run(runs):
    """The run with the median ``ratio`` (the lower of the middle two for an
    even count), with every run's ratio in order and ``exact`` for them all."""
    chosen = sorted(runs, key=lambda run: run["ratio"])[(len(runs) - 1) // 2]
    return {
        **chosen,
        "ratios": [run["ratio"] for run in runs],
        "exact": all(run["exact"] for run in runs),
    }


def report_timings(env, label):
    say(f"  timing the report and dashboard panel with {label}")
    return run_json(env, "bench.reports")


def generate(env, articles, votes):
    subprocess.run(
        [
            PYTHON,
            "-m",
            "bench.data",
            "--articles",
            str(articles),
            "--votes",
            str(votes),
        ],
        cwd=ROOT,
        env=env,
        check=True,
    )


def postgres_available():
    code = (
        "import psycopg, sys;"
        "psycopg.connect(sys.argv[1] + '/postgres', connect_timeout=3).close()"
    )
    command = [PYTHON, "-c", code, POSTGRES_SERVER]
    return subprocess.run(command, capture_output=True).returncode == 0


def recreate_postgres_database():
    code = (
        "import psycopg, sys\n"
        "with psycopg.connect(sys.argv[1] + '/postgres', autocommit=True) as c:\n"
        "    c.execute(f'DROP DATABASE IF EXISTS \"{sys.argv[2]}\" WITH (FORCE)')\n"
        "    c.execute(f'CREATE DATABASE \"{sys.argv[2]}\"')\n"
    )
    subprocess.run([PYTHON, "-c", code, POSTGRES_SERVER, POSTGRES_DATABASE], check=True)


def postgres_backend_pids():
    """The PostgreSQL server's processes serving the bench database."""
    import psycopg

    with psycopg.connect(POSTGRES_URL, autocommit=True) as connection:
        rows = connection.execute(
            "SELECT pid FROM pg_stat_activity "
            "WHERE datname = current_database() AND pid <> pg_backend_pid()"
        ).fetchall()
    return [pid for (pid,) in rows]


def run_reports_only(args):
    """Only scenario 5 (``--reports-only``): the editors' views at both sizes."""
    with workspace("bench-") as workdir:
        env = site_environment(workdir)
        say("Preparing a throwaway site (migrate, demo content, collectstatic)")
        prepare_site(env, free_port())
        say(f"Creating {args.articles:,} articles and {args.small_votes:,} votes")
        generate(env, args.articles, args.small_votes)
        reports = {"1k": report_timings(env, f"{args.small_votes:,} votes")}
        say(f"Adding votes up to {args.large_votes:,}")
        generate(env, args.articles, args.large_votes)
        reports["1m"] = report_timings(env, f"{args.large_votes:,} votes")
    return reports


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
                scenarios["cached"] = wrk(
                    server.base_url + ARTICLE, args.duration, serving=server.worker_pids
                )
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
                scenarios["uncached"] = wrk(
                    server.base_url + ARTICLE, args.duration, serving=server.worker_pids
                )

        if "reports" in rows:
            reports = {"1k": report_timings(env, f"{args.small_votes:,} votes")}
            if args.large_votes:
                say(f"Adding votes up to {args.large_votes:,}")
                generate(env, args.articles, args.large_votes)
                reports["1m"] = report_timings(env, f"{args.large_votes:,} votes")
            scenarios["reports"] = reports

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
    return results


def table(results):
    scenarios = results["scenarios"]
    static = scenarios["static"]["requests_per_second"]
    rows = [
        ("scenario", "req/s", "× static", "p50 ms", "p99 ms", "CPU ms", "target", "met")
    ]

    def row(name, data, target=None, extra_ok=True):
        if "skipped" in data:
            rows.append((name, "-", "-", "-", "-", "-", "-", data["skipped"]))
            return
        rate = data["requests_per_second"]
        ratio = data.get("ratio", rate / static)
        cpu = data.get("cpu_ms_per_request")
        met = (
            "" if target is None else ("yes" if ratio >= target and extra_ok else "NO")
        )
        rows.append(
            (
                name,
                f"{rate:,.0f}",
                f"{ratio:.2f}",
                f"{data['p50_ms']:.1f}",
                f"{data['p99_ms']:.1f}",
                "" if cpu is None else f"{cpu:.2f}",
                "" if target is None else f"≥ {target}",
                met,
            )
        )

    row("1. static (whitenoise)", scenarios["static"])
    if "cached" in scenarios:
        row("2. article, page cache on", scenarios["cached"], 0.9)
    if "uncached" in scenarios:
        row("3. article, page cache off", scenarios["uncached"], 0.15)
    votes = [db for db in ("sqlite", "postgres") if f"votes_{db}" in scenarios]
    for database in votes:
        data = scenarios[f"votes_{database}"]
        row(f"4. votes, {database}", data, 0.25, data.get("exact", False))
    lines = [format_row(r) for r in rows]
    for database in votes:
        data = scenarios[f"votes_{database}"]
        if "skipped" not in data:
            lines.append(
                f"   votes on {database}: sent {data['sent']:,}, acknowledged "
                f"{data['acknowledged']:,}, stored {data['stored']:,}, refused "
                f"{data['refused']:,}, in flight at the end {data['unanswered']:,} → "
                f"{'exact' if data['exact'] else 'MISMATCH'}"
            )
            lines.append(f"   {cpu_line(database, data)}")
            lines.append(f"   {ratio_line(database, data)}")
    idle = scenarios["static"]["machine_idle"]
    lines.append(f"   static: machine idle {idle:.0%} (limited by CPU when near 0)")
    lines += report_rows(scenarios.get("reports", {}))
    return "\n".join(lines)


def ratio_line(database, data):
    """What the vote row's ratio was measured against, and each run's."""
    static, ratios = data["static_requests_per_second"], data["ratios"]
    against = f"× the static file run just before it ({static:,.0f} req/s)"
    if len(ratios) == 1:
        return f"votes on {database}: {against}"
    each = ", ".join(f"{ratio:.3f}" for ratio in ratios)
    return f"votes on {database}: median of {len(ratios)} runs ({each}), each {against}"


def cpu_line(database, data):
    """Where a vote's CPU went: the web workers' and the database server's
    shares of the row's CPU ms, and how much of the machine sat idle."""
    cpu = data["cpu_ms_per_request"]
    server = data.get("database_cpu_ms_per_request")
    split = (
        f"{cpu:.2f} ms in the web workers"
        if server is None
        else f"{cpu - server:.2f} ms in the web workers + {server:.2f} ms in "
        "the database server"
    )
    idle = data["machine_idle"]
    return f"votes on {database}: CPU a vote {split}; machine idle {idle:.0%}"


def report_rows(reports):
    lines = []
    if "1m" in reports:
        for view in (
            "report",
            "panel",
            "dashboard",
            "comparison",
            "attention",
            "attention_cold",
            "digest",
        ):
            if view not in reports["1k"]:
                continue
            small, large = reports["1k"][view], reports["1m"][view]
            ratio = large / small
            met = "yes" if ratio <= 1.5 else "NO"
            lines.append(
                f"5. {view:<14} {small:7.1f} ms with 1k votes, {large:7.1f} ms with "
                f"1M votes: {ratio:.2f}× (target ≤ 1.5: {met})"
            )
    return lines


def format_row(cells):
    widths = (28, 8, 9, 8, 8, 7, 7, 4)
    pairs = zip(cells, widths, strict=True)
    return "  ".join(str(cell).ljust(width) for cell, width in pairs)


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
    say("\n" + text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({**results, "table": text}, indent=2))
    say(f"\nWritten to {RESULTS.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
