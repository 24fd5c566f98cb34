"""What purges the page cache, and what does not."""

from unittest import mock

from django.test import TestCase
from wagtail.models import Site

from articles.models import Topic
from home.models import SiteSettings
from polls.testing import choice, default_poll, make_page, vote

PURGE = "core.page_cache.purge"


class PurgeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.page = make_page("Numb legs")

    def test_saving_or_deleting_a_model_pages_show_purges(self):
        with mock.patch(PURGE) as purge:
            topic = Topic.objects.create(name="Nerves", slug="nerves")
            self.assertEqual(purge.call_count, 1)
            topic.delete()
            self.assertEqual(purge.call_count, 2)

    def test_publishing_and_deleting_any_page_purges(self):
        with mock.patch(PURGE) as purge:
            self.page.save_revision().publish()
            self.assertTrue(purge.called)
            purge.reset_mock()
            self.page.delete()
            self.assertTrue(purge.called)

    def test_a_vote_does_not_purge(self):
        with mock.patch(PURGE) as purge:
            vote(self.page, choice(default_poll(), "Yes"))
        self.assertFalse(purge.called)

    def test_site_settings_appearing_with_their_defaults_do_not_purge(self):
        site = Site.objects.get(is_default_site=True)
        SiteSettings.objects.filter(site=site).delete()
        with mock.patch(PURGE) as purge:
            settings = SiteSettings.for_site(site)
            self.assertFalse(purge.called)
            settings.tagline = "Changed"
            settings.save()
        self.assertTrue(purge.called)
