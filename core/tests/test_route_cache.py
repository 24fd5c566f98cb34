import inspect
from http import HTTPStatus

from django.db import connection
from django.test import RequestFactory, TestCase, override_settings
from django.test.utils import CaptureQueriesContext
from wagtail import views as wagtail_views
from wagtail.models import Page, PageViewRestriction
from wagtail.url_routing import RouteResult

from articles.models import Topic
from testing.pages import make_article, make_index, site_root


def count_queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    return response, len(captured.captured_queries)


@override_settings(ROUTE_CACHE_ENABLED=True)
class RouteCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_index(site_root())
        cls.article = make_article(cls.index, title="Leg numbness")

    def test_a_remembered_route_skips_the_tree_walk(self):
        first, cold = count_queries(self.client, self.article.url)
        second, warm = count_queries(self.client, self.article.url)
        self.assertEqual(first.content, second.content)
        self.assertLessEqual(warm, cold - 3)
        self.assertEqual(second.context["page"], self.article)

    def test_private_pages_are_still_checked_on_a_remembered_route(self):
        PageViewRestriction.objects.create(
            page=self.index, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        for attempt in ("first", "remembered"):
            with self.subTest(attempt):
                response = self.client.get(self.article.url)
                self.assertContains(response, 'name="password"')
                self.assertNotContains(response, "<h1>Leg numbness</h1>")

    def test_sub_routes_of_routable_pages_are_remembered_with_their_arguments(self):
        url = f"{self.index.url}topics/nerves/"
        Topic.objects.create(name="Nerves", slug="nerves")
        first = self.client.get(url)
        second = self.client.get(url)
        self.assertEqual(first.status_code, HTTPStatus.OK)
        self.assertEqual(second.context["topic"].slug, "nerves")

    def test_unpublishing_or_moving_forgets_the_route(self):
        self.client.get(self.article.url)
        self.article.unpublish()
        self.assertEqual(self.client.get(self.article.url).status_code, 404)
        self.article.save_revision().publish()
        self.assertEqual(self.client.get(self.article.url).status_code, 200)
        guides = make_index(site_root(), title="Guides", slug="guides")
        self.article.move(guides, pos="last-child")
        self.assertEqual(self.client.get("/guides/leg-numbness/").status_code, 200)
        self.assertEqual(
            self.client.get("/articles/leg-numbness/").status_code,
            HTTPStatus.MOVED_PERMANENTLY,
        )


class WagtailInternalsTests(TestCase):
    """The route cache leans on three private details of Wagtail 7.4
    (core/route_cache.py). If an upgrade changes either, these fail, and the
    route cache must be checked against the new Wagtail before it ships."""

    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(make_index(site_root()), title="Leg numbness")

    def test_wagtails_serve_view_routes_through_route_for_request(self):
        source = inspect.getsource(wagtail_views.serve)
        self.assertIn("Page.route_for_request(request, path)", source)
        self.assertIn("page, args, kwargs = route_result", source)

    def test_route_for_request_reuses_the_route_left_on_the_request(self):
        source = inspect.getsource(Page.route_for_request)
        self.assertIn('hasattr(request, "_wagtail_route_for_request")', source)
        self.assertIn("return request._wagtail_route_for_request", source)
        request = RequestFactory().get("/somewhere/else/")
        route = RouteResult(self.article, args=("a",), kwargs={"b": 1})
        request._wagtail_route_for_request = route
        self.assertIs(Page.route_for_request(request, "/somewhere/else/"), route)
        page, args, kwargs = route
        self.assertEqual((page, args, kwargs), (self.article, ("a",), {"b": 1}))
