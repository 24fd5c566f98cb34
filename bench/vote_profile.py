"""Where one vote's time goes, in process: python -m bench.vote_profile.

Prepares a throwaway site (production settings) like ``make bench``, then,
inside it, posts new readers' first "Yes" on the seed article through the
whole Django stack (middleware included, no network), times them, and
profiles them with cProfile to print the milliseconds per vote spent in
each step of the vote path. ``--database-url`` profiles another database
(e.g. the local PostgreSQL, in a database this command may drop).
"""

import argparse
import cProfile
import json
import pstats
import time

from bench.server import prepare_site, run_json, site_environment, workspace

ARTICLE_SLUG = "why-does-my-leg-go-numb-when-i-run"
# (label, file suffix, function name): cumulative time of each, per vote.
STEPS = [
    ("whole request (test client)", "django/test/client.py", "post"),
    ("middleware and view", "django/core/handlers/base.py", "_get_response"),
    ("origin check", "polls/voting/origin.py", "is_same_origin"),
    ("reader cookie and key (HMAC)", "polls/voting/readers.py", "reader_cookie"),
    ("rate limits", "polls/voting/views/protection.py", "rate_limited"),
    ("form validation", "django/forms/forms.py", "is_valid"),
    ("page, choice and poll lookup", "polls/tally/reads.py", "vote_target"),
    ("vote handler (lookup + record)", "polls/voting/views/votes.py", "handle"),
    ("record_vote", "polls/voting/services.py", "record_vote"),
    ("  insert the response (and count it)", "polls/tally/arrivals.py", "_run"),
    ("  move the counters (separately)", "polls/tally/moves.py", "move"),
    ("SQL executed (all statements)", "django/db/backends/utils.py", "_execute"),
    ("JSON response", "django/http/response.py", "__init__"),
]


def inside(votes):
    import django

    django.setup()
    from django.test import Client
    from wagtail.models import Page

    from polls.models import Poll

    page = Page.objects.get(slug=ARTICLE_SLUG)
    poll = Poll.objects.get(question="Was this article helpful?")
    yes = poll.choices.order_by("sort_order").first()
    client = Client(
        HTTP_HOST="127.0.0.1",
        HTTP_ORIGIN="http://127.0.0.1",
        HTTP_ACCEPT="application/json",
        HTTP_USER_AGENT="Mozilla/5.0 (X11; Linux x86_64) Chrome/156.0 bench",
    )
    data = {"page": page.pk, "poll": poll.pk, "choice": yes.pk}
    counter = iter(range(10**9))

    def vote():
        client.cookies["poll_reader"] = f"profile{next(counter):012d}".ljust(40, "p")
        response = client.post("/polls/vote/", data)
        assert response.status_code == 200, response.content

    for _ in range(50):
        vote()
    started = time.perf_counter()
    for _ in range(votes):
        vote()
    per_vote = (time.perf_counter() - started) * 1000 / votes

    profile = cProfile.Profile()
    profile.enable()
    for _ in range(votes):
        vote()
    profile.disable()
    stats = pstats.Stats(profile).stats
    steps = {}
    for label, suffix, name in STEPS:
        cumulative = sum(
            value[3]
            for (filename, _, function), value in stats.items()
            if function == name and filename.endswith(suffix)
        )
        steps[label] = cumulative * 1000 / votes
    calls = sum(
        value[1]
        for (filename, _, function), value in stats.items()
        if function == "_execute" and filename.endswith("django/db/backends/utils.py")
    )
    print(
        json.dumps(
            {"ms_per_vote": per_vote, "statements": calls / votes, "steps": steps}
        )
    )


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--votes", type=int, default=500)
    parser.add_argument("--database-url")
    parser.add_argument("--inside", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.inside:
        inside(args.votes)
        return
    with workspace("vote-profile-") as workdir:
        env = site_environment(workdir, database_url=args.database_url)
        prepare_site(env, 8000)
        result = run_json(
            env, "bench.vote_profile", "--inside", "--votes", str(args.votes)
        )
    print(
        f"{result['ms_per_vote']:.2f} ms a vote in process (timed, no profiler), "
        f"{result['statements']:.1f} SQL statements"
    )
    print("under cProfile (slower; compare the shares):")
    for label, ms in result["steps"].items():
        print(f"  {label:<40}{ms:7.2f} ms")


if __name__ == "__main__":
    main()
