"""Rows measured against the static file served just before them.

This shared machine's speed swings by more than a target's margin within
minutes, so a row's rate is compared with a run of the static file on the
same server just before it, not with the static row measured at the start:
a change in the machine's speed then moves both sides of the ratio.
``repeat`` such pairs give the run with the median ratio.
"""

from bench.measure import wrk


def paired_runs(server, measure, duration, repeat=1, static=None):
    """``measure()`` ``repeat`` times, each after a run of the static file on
    ``server`` (``static``, if given, is the first one); the median run."""
    static_url = f"{server.base_url}/static/bench/article.html"
    runs = []
    for number in range(repeat):
        if static is None or number > 0:
            static = wrk(static_url, duration, serving=server.worker_pids)
        run = measure()
        run["static_requests_per_second"] = static["requests_per_second"]
        run["ratio"] = run["requests_per_second"] / static["requests_per_second"]
        runs.append(run)
    return median_run(runs)


def median_run(runs):
    """The run with the median ``ratio`` (the lower of the middle two for an
    even count), with every run's ratio in order and, for votes, ``exact``
    for them all."""
    chosen = sorted(runs, key=lambda run: run["ratio"])[(len(runs) - 1) // 2]
    row = {**chosen, "ratios": [run["ratio"] for run in runs]}
    if "exact" in chosen:
        row["exact"] = all(run["exact"] for run in runs)
    return row
