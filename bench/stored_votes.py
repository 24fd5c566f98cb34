"""Read back the soak's votes: python -m bench.stored_votes < cookies.json.

Runs inside the soak's throwaway site (same SECRET_KEY as the server, so
``reader_key`` turns each cookie into the key the server stored). Prints
JSON: every response of those readers, how many responses belong to nobody
the soak knows, and every (page, choice, day) where the report counters
differ from the counted responses.
"""

import json
import sys
from collections import Counter

import django


def counter_differences():
    from django.utils import timezone

    from polls.models import DailyCount, Response

    from_rows = Counter(
        (r.page_id, r.choice_id, str(timezone.localdate(r.created_at)))
        for r in Response.objects.counted().only("page", "choice", "created_at")
    )
    from_counters = Counter(
        {
            (c.page_id, c.choice_id, str(c.date)): c.count
            for c in DailyCount.objects.exclude(count=0)
        }
    )
    return [
        [*key, from_rows[key], from_counters[key]]
        for key in sorted(set(from_rows) | set(from_counters))
        if from_rows[key] != from_counters[key]
    ]


def stored(cookies):
    from polls.models import Response
    from polls.voting.readers import reader_key

    cookie_by_key = {reader_key(cookie): cookie for cookie in cookies}
    rows, untracked = [], 0
    fields = ("reader_key", "page_id", "choice_id", "reasons", "comment")
    for key, page, choice, reasons, comment in Response.objects.values_list(*fields):
        if key not in cookie_by_key:
            untracked += 1
            continue
        rows.append([cookie_by_key[key], page, choice, reasons, comment])
    return {
        "rows": rows,
        "untracked": untracked,
        "counter_differences": counter_differences(),
    }


def main():
    django.setup()
    print(json.dumps(stored(json.load(sys.stdin))))


if __name__ == "__main__":
    main()
