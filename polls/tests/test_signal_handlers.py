"""A deleted page's answers leave the site-wide counters with it."""

from django.test import TestCase
from django.utils import timezone

from polls import tally
from polls.models import DailyCount, SiteDailyCount
from polls.testing import DAY, choice, default_poll, make_page, vote


class DeletedPageTests(TestCase):
    def setUp(self):
        poll = default_poll()
        self.yes, self.no = choice(poll, "Yes"), choice(poll, "No")
        self.kept, self.gone = make_page("Kept"), make_page("Gone")
        self.day = timezone.localdate() - 3 * DAY
        vote(self.kept, self.yes, 2, on=self.day, reader="k")
        vote(self.gone, self.yes, 3, on=self.day, reader="g")
        vote(self.gone, self.no, 1, reader="n")

    def site(self):
        return {
            (row.choice_id, row.date): row.count
            for row in SiteDailyCount.objects.exclude(count=0)
        }

    def test_the_site_wide_days_lose_what_the_page_added(self):
        today = timezone.localdate()
        self.assertEqual(
            self.site(), {(self.yes.pk, self.day): 5, (self.no.pk, today): 1}
        )
        self.gone.delete()
        self.assertEqual(self.site(), {(self.yes.pk, self.day): 2})
        self.assertFalse(DailyCount.objects.filter(page_id=self.gone.pk).exists())
        self.assertEqual(tally.differences(), [])

    def test_deleting_a_section_forgets_every_page_in_it(self):
        child = make_page("Child", parent=self.gone)
        vote(child, self.no, 4, on=self.day, reader="c")
        self.gone.delete()
        self.assertEqual(self.site(), {(self.yes.pk, self.day): 2})
        self.assertEqual(tally.differences(), [])
