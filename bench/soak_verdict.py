"""What a soak found: the answers stored against those acknowledged, and the report.

``bench.soak`` runs the readers and the faults; this module reads back what
the database holds (``bench.stored_votes``), compares it with the ledger of
acknowledged answers (``bench.ledger``), asks ``check_poll_counters`` for a
recount, and turns it all into the printed summary and its pass or fail.
"""

import subprocess
from collections import Counter, defaultdict

from bench.ledger import Row
from bench.server import PYTHON, ROOT, run_json


def stored_rows(env, cookies):
    data = run_json(env, "bench.stored_votes", data=sorted(cookies))
    rows = defaultdict(list)
    for cookie, page, choice, reasons, comment in data["rows"]:
        rows[cookie, page].append(Row(choice, frozenset(reasons), comment))
    return rows, data


def check_counters(env):
    """``manage.py check_poll_counters``: the differences it prints (none: [])."""
    result = subprocess.run(
        [PYTHON, "manage.py", "check_poll_counters"],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
    )
    if result.returncode == 0:
        return []
    return result.stdout.splitlines() or [result.stderr.strip()]


def read_log(path):
    """What the server logged about the faults (polls.voting.retries and
    core.database_outage)."""
    text = path.read_text(errors="replace")
    return {
        "vote retries": text.count("Database unavailable, retrying"),
        "votes given up (503)": text.count("Database unavailable, giving up"),
        "pages answered 503": text.count("Database unavailable for"),
        "worker timeouts": text.count("WORKER TIMEOUT"),
    }


def answered(counts, low, high):
    """How many requests got a status in [low, high)."""
    return sum(n for s, n in counts.items() if s != "no answer" and low <= s < high)


def summary(args, run, verdict, stored, faults_ok, server_log):
    statuses = Counter()
    for counts in run.statuses.values():
        statuses.update(counts)
    refused = {s: n for s, n in statuses.items() if s != "no answer" and s >= 400}
    votes = run.statuses["vote"]
    double = len(verdict.duplicated) + sum(
        max(0, counter - rows) for *_, rows, counter in stored["counter_differences"]
    )
    checks = {
        "lost votes": len(verdict.lost),
        "double counts": double,
        "counters differing from rows": len(stored["counter_differences"]),
        "check_poll_counters differences": len(stored["check"]),
        "phantom responses": len(verdict.phantom),
        "responses from unknown readers": stored["untracked"],
        "5xx other than 503": answered(statuses, 500, 503)
        + answered(statuses, 504, 600),
        "503 without Retry-After": run.missing_retry_after,
        "faults not made or not recovered": 0 if faults_ok else 1,
    }
    per_kind = ", ".join(
        f"{kind} {sum(counts.values()):,}"
        for kind, counts in sorted(run.statuses.items())
    )
    rows = [
        ("requests sent", f"{sum(statuses.values()):,} ({per_kind})"),
        ("acknowledged (2xx, 303)", f"{answered(statuses, 200, 400):,}"),
        ("votes acknowledged", f"{answered(votes, 200, 400):,} of {votes.total():,}"),
        ("refused", ", ".join(f"{s}: {n:,}" for s, n in sorted(refused.items()))),
        ("5xx", f"{answered(statuses, 500, 600):,}"),
        ("no answer", f"{statuses['no answer']:,} (killed worker or timeout)"),
        ("slowest vote", f"{run.slowest_vote:.1f} s"),
        ("server log", ", ".join(f"{n} {what}" for what, n in server_log.items())),
        ("reader/page pairs", f"{verdict.pairs:,}"),
        ("  with an acknowledged answer", f"{verdict.acknowledged_pairs:,}"),
        ("  with an unanswered request", f"{verdict.ambiguous:,}"),
        *((name, f"{count:,}") for name, count in checks.items()),
    ]
    lines = [
        f"Soak on {args.database}: {run.elapsed:.0f} s, {args.readers} readers, "
        f"{args.workers} gunicorn workers",
        *(f"  fault {event}" for event in run.events),
        *(f"  {label:<34}{value or 'none'}" for label, value in rows),
    ]
    for label, items in [
        ("LOST", verdict.lost),
        ("PHANTOM", verdict.phantom),
        ("COUNTER", stored["check"]),
    ]:
        lines += [f"  {label}: {item}" for item in items[:5]]
    passed = not any(checks.values()) and answered(votes, 200, 400) > 0
    lines.append("  PASS" if passed else "  FAIL")
    return passed, "\n".join(lines), {"checks": checks, "statuses": statuses}
