"""Many votes at once: the database must count every one exactly once."""

import time
from concurrent.futures import ThreadPoolExecutor
from http import HTTPStatus
from threading import Barrier

import pytest
from django.core.cache import cache
from django.db import connection
from django.db.models import Sum
from django.test import Client, TransactionTestCase, override_settings
from django.urls import reverse

from polls.models import DailyCount, Response
from polls.testing import JSON, SAME_ORIGIN, choice, default_poll, make_page

READERS = 24
VOTES_PER_READER = 4
# On a machine loaded by other work, 24 writers can wait past SQLite's busy
# timeout; a 503 is then the right answer and the reader sends again.
ATTEMPTS = 5


@pytest.mark.serial  # not beside another worker: it measures real lock waits
@override_settings(POLLS_RATE_LIMITS={"reader": (100, 60), "network": (1000, 60)})
class ConcurrentVoteTests(TransactionTestCase):
    """Threads post through the real endpoint, each on its own connection."""

    serialized_rollback = True  # keep the migrations' site, home page and poll

    def setUp(self):
        cache.clear()
        self.poll = default_poll()
        self.page = make_page("Leg numbness")
        self.answers = [choice(self.poll, "Yes"), choice(self.poll, "No")]

    def fire(self, jobs):
        barrier = Barrier(len(jobs))

        def run(job):
            reader, votes = job
            client = Client()
            client.cookies["poll_reader"] = reader
            barrier.wait()
            statuses = []
            for answer in votes:
                for _attempt in range(ATTEMPTS):
                    response = client.post(
                        reverse("polls:vote"),
                        {
                            "page": self.page.pk,
                            "poll": self.poll.pk,
                            "choice": answer.pk,
                        },
                        **SAME_ORIGIN,
                        **JSON,
                    )
                    if response.status_code != HTTPStatus.SERVICE_UNAVAILABLE:
                        break
                    # The endpoint gave up on a busy database and said
                    # nothing was saved: send again, as the reader is asked to.
                    time.sleep(0.1)
                statuses.append(response.status_code)
            connection.close()
            return statuses

        with ThreadPoolExecutor(max_workers=len(jobs)) as pool:
            return [status for statuses in pool.map(run, jobs) for status in statuses]

    def test_each_reader_counts_once_with_their_last_answer(self):
        yes, no = self.answers
        jobs = [
            (f"reader{n:03d}".ljust(40, "x"), [yes, no, yes, no][:VOTES_PER_READER])
            for n in range(READERS)
        ]
        statuses = self.fire(jobs)
        self.assertEqual(statuses.count(200), READERS * VOTES_PER_READER)
        self.assertEqual(Response.objects.count(), READERS)
        self.assertEqual(Response.objects.filter(choice=no).count(), READERS)
        self.assertEqual(
            DailyCount.objects.aggregate(total=Sum("count"))["total"], READERS
        )
        self.assertEqual(DailyCount.objects.get(choice=no).count, READERS)

    def test_the_same_reader_racing_itself_is_one_response(self):
        yes = self.answers[0]
        same_reader = "samereader".ljust(40, "x")
        statuses = self.fire([(same_reader, [yes]) for _ in range(16)])
        self.assertEqual(statuses, [200] * 16)
        self.assertEqual(Response.objects.count(), 1)
        self.assertEqual(DailyCount.objects.get(choice=yes).count, 1)
