"""Which tags a change to a page bumps (``core.signal_handlers``)."""

from unittest import mock

from django.test import TestCase
from wagtail.models import PageViewRestriction, Site

from core import cache_tags
from polls.testing import choice, default_poll, make_page, vote

RECORD = "core.cache_tags.record"


def bumped(record):
    return {tag for call in record.call_args_list for tag in call.args[0]}


class PageChangeTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.section = make_page("Section")
        cls.page = make_page("Numb legs", parent=cls.section)

    def test_publishing_bumps_the_page_its_parents_children_and_the_page_lists(self):
        with mock.patch(RECORD) as record:
            self.page.save_revision().publish()
        self.assertEqual(
            bumped(record),
            {
                f"page:{self.page.pk}",
                f"children:{self.section.pk}",
                cache_tags.PAGE_LIST,
            },
        )

    def test_a_parent_bumps_its_subtree_only_when_its_label_changes(self):
        self.section.refresh_from_db()
        with mock.patch(RECORD) as record:
            self.section.save_revision().publish()
        self.assertNotIn(cache_tags.tree(self.section.path), bumped(record))
        self.section.title = "Renamed section"
        with mock.patch(RECORD) as record:
            self.section.save_revision().publish()
        self.assertIn(cache_tags.tree(self.section.path), bumped(record))

    def test_unpublishing_and_deleting_bump_the_subtree(self):
        for action in ("unpublish", "delete"):
            with self.subTest(action), mock.patch(RECORD) as record:
                section = make_page(f"To {action}")
                make_page("Child", parent=section)
                section.refresh_from_db()
                getattr(section, action)()
            self.assertIn(cache_tags.tree(section.path), bumped(record))

    def test_a_move_bumps_both_parents_and_the_old_subtree(self):
        other = make_page("Other section")
        old_path = self.page.path
        with mock.patch(RECORD) as record:
            self.page.move(other, pos="last-child")
        self.assertLessEqual(
            {
                f"children:{self.section.pk}",
                f"children:{other.pk}",
                cache_tags.tree(old_path),
            },
            bumped(record),
        )

    def test_a_view_restriction_bumps_the_page_and_its_subtree(self):
        with mock.patch(RECORD) as record:
            PageViewRestriction.objects.create(
                page=self.section, restriction_type=PageViewRestriction.LOGIN
            )
        self.assertEqual(
            bumped(record),
            {f"page:{self.section.pk}", cache_tags.tree(self.section.path)},
        )

    def test_a_site_bumps_every_page(self):
        site = Site.objects.get(is_default_site=True)
        with mock.patch(RECORD) as record:
            site.site_name = "Renamed"
            site.save()
        self.assertEqual(bumped(record), {cache_tags.SITE})

    def test_a_vote_bumps_nothing(self):
        with mock.patch(RECORD) as record:
            vote(self.page, choice(default_poll(), "Yes"))
        self.assertFalse(record.called)
