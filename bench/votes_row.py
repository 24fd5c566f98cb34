"""Scenario 4: new readers' votes driven by wrk, each run paired with a static one.

Every request is a new reader's first "Yes", on the articles in turn
(``bench/votes.lua``); the row is exact when every acknowledged vote is
stored and nothing else is, give or take the requests in flight when wrk
stops.
"""

import json
import secrets

from bench.measure import wrk
from bench.paired import paired_runs
from bench.server import BROWSER_AGENT, ROOT, django_shell

VOTES_SCRIPT = ROOT / "bench" / "votes.lua"


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
    file on the same server (``bench.paired``); exact only if every run was."""
    return paired_runs(
        server,
        lambda: vote_scenario(server, env, args.duration, database_pids=database_pids),
        args.duration,
        repeat=args.repeat,
        static=static,
    )
