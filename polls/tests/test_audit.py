"""The rebuild writes what the services kept."""

from django.test import TestCase

from polls import tally
from polls.admin.triage import set_triage_status
from polls.models import DailyCount, TriageStatus
from polls.testing import assert_counters_match_rows, choice, default_poll, make_page
from polls.voting.services import record_vote


class RebuildCountsTests(TestCase):
    def test_rebuild_gives_the_counters_the_services_kept(self):
        poll, pages = default_poll(), [make_page("One"), make_page("Two")]
        yes, no = choice(poll, "Yes"), choice(poll, "No")
        for n in range(12):
            result = record_vote(
                page=pages[n % 2], choice=[yes, no][n % 3 == 0], reader_key=f"r{n}"
            )
            if n == 5:
                set_triage_status(result.response, TriageStatus.SPAM)
        kept = sorted(DailyCount.objects.values_list("page", "choice", "date", "count"))
        DailyCount.objects.update(count=999)
        tally.rebuild()
        rebuilt = sorted(
            DailyCount.objects.values_list("page", "choice", "date", "count")
        )
        self.assertEqual(rebuilt, kept)
        assert_counters_match_rows(self)
