"""View restrictions on a remembered route: no query when there are none, and
every change that restricts a page refuses it at the next request."""

from http import HTTPStatus

from django.db import connection
from django.test import TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction

from core.view_restrictions import restriction_ids
from testing.pages import make_article, make_index, site_root

# Wagtail's check of a page: the restrictions on the page and its ancestors.
CHECK = '"wagtailcore_pageviewrestriction"."page_id" IN'


def restricted(page, password="x"):
    return PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=password
    )


@override_settings(ROUTE_CACHE_ENABLED=True)
class RememberedViewRestrictionsTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_index(site_root())
        cls.article = make_article(cls.index, title="Leg numbness")

    def get(self, url=None):
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(url or self.article.url)
        asked = [q for q in queries if CHECK in q["sql"]]
        return response, asked

    def assertRefused(self, response):
        self.assertContains(response, 'name="password"')
        self.assertNotContains(response, "<h1>Leg numbness</h1>")

    def test_a_remembered_public_page_asks_no_restriction_query(self):
        first, _ = self.get()
        second, asked = self.get()
        self.assertContains(second, "<h1>Leg numbness</h1>")
        self.assertEqual(asked, [])
        self.assertEqual(first.content, second.content)

    def test_a_restriction_on_an_ancestor_refuses_the_remembered_page(self):
        self.get()
        self.get()
        restricted(self.index)
        self.assertRefused(self.get()[0])
        self.assertRefused(self.get()[0])  # remembered, restricted

    def test_a_restriction_on_the_home_page_refuses_it(self):
        self.get()
        restricted(site_root())
        self.assertRefused(self.get()[0])

    def test_a_remembered_restricted_page_reads_its_restrictions_afresh(self):
        restriction = restricted(self.index, password="first")
        self.get()
        with CaptureQueriesContext(connection) as queries:
            response = self.client.get(self.article.url)
        self.assertRefused(response)
        # The restriction itself is read now, by its id.
        read = '"wagtailcore_pageviewrestriction"."id" IN'
        self.assertTrue([q for q in queries if read in q["sql"]])
        restriction.password = "second"
        restriction.save()
        self.assertRefused(self.get()[0])

    def test_lifting_the_restriction_serves_the_page_again(self):
        restriction = restricted(self.index)
        self.get()
        self.assertRefused(self.get()[0])
        restriction.delete()
        self.assertContains(self.get()[0], "<h1>Leg numbness</h1>")

    def test_a_page_moved_under_a_restricted_section_is_refused(self):
        private = make_index(site_root(), title="Private", slug="private")
        restricted(private)
        other = make_article(self.index, title="Moving article")
        self.get(other.url)
        self.get(other.url)
        other.move(private, pos="last-child")
        response = self.client.get("/private/moving-article/")
        self.assertContains(response, 'name="password"')
        self.assertEqual(
            self.client.get("/articles/moving-article/").status_code,
            HTTPStatus.MOVED_PERMANENTLY,
        )

    def test_an_alias_follows_the_restrictions_of_its_source(self):
        elsewhere = make_index(site_root(), title="Elsewhere", slug="elsewhere")
        alias = self.article.create_alias(parent=elsewhere, update_slug="numb-legs")
        self.assertIsNone(restriction_ids(alias))  # never remembered
        self.get(alias.url)
        self.get(alias.url)
        restricted(self.article)  # the source, not the alias or its parents
        self.assertRefused(self.get(alias.url)[0])


class RestrictionIdsTests(TestCase):
    """The ids kept with a route are the ones Wagtail's own method finds."""

    def test_the_same_as_wagtails_for_each_page_on_the_way(self):
        index = make_index(site_root())
        article = make_article(index, title="Leg numbness")
        on_index, on_root = restricted(index), restricted(site_root())
        for page, expected in (
            (site_root(), {on_root.pk}),
            (index, {on_root.pk, on_index.pk}),
            (article, {on_root.pk, on_index.pk}),
        ):
            with self.subTest(page.title):
                wagtails = Page.get_view_restrictions(page)
                self.assertEqual(set(restriction_ids(page)), expected)
                self.assertEqual(set(wagtails.values_list("pk", flat=True)), expected)
