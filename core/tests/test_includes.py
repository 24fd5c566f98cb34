from unittest import mock

from django.http import HttpResponse
from django.test import RequestFactory, TestCase
from django.urls import reverse

from core import cache_tags
from core.includes import IncludeMiddleware, marker


def page(body, content_type="text/html; charset=utf-8", **headers):
    def get_response(request):
        response = HttpResponse(body, content_type=content_type)
        for name, value in headers.items():
            response[name] = value
        return response

    return get_response


class IncludeMiddlewareTests(TestCase):
    def render(self, body, **kwargs):
        request = RequestFactory().get("/an/article/")
        cache_tags.add(request, "page:1")
        response = IncludeMiddleware(page(body, **kwargs))(request)
        return response, request

    def test_a_marker_is_replaced_by_its_views_output(self):
        search = reverse("articles:search")
        response, _ = self.render(f"<main>{marker(search)}</main>")
        text = response.content.decode()
        self.assertNotIn("<!--include:", text)
        self.assertIn('id="search-query"', text)

    def test_a_tampered_or_unknown_marker_becomes_nothing(self):
        forged = marker("/search/").replace("/search/", "/admin/")
        unknown = marker("/no/such/view/")
        response, _ = self.render(f"<p>a{forged}b{unknown}c</p>")
        self.assertEqual(response.content.decode(), "<p>abc</p>")

    def test_the_length_follows_the_new_content(self):
        body = f"<p>{marker('/no/such/view/')}</p>"
        response, _ = self.render(body, **{"Content-Length": str(len(body))})
        self.assertEqual(response["Content-Length"], str(len(b"<p></p>")))

    def test_other_content_is_left_alone(self):
        body = marker("/search/")
        response, _ = self.render(body, content_type="application/json")
        self.assertEqual(response.content.decode(), body)

    def test_a_parts_tags_stay_out_of_the_page(self):
        _response, request = self.render(f"<p>{marker(reverse('articles:search'))}</p>")
        self.assertEqual(cache_tags.of(request), {cache_tags.SITE, "page:1"})

    def test_a_part_is_rendered_again_only_once_its_tags_change(self):
        cache_tags.cache().clear()
        middleware = IncludeMiddleware(page(f"<p>{marker('/search/')}</p>"))
        with mock.patch.object(
            IncludeMiddleware, "render", wraps=IncludeMiddleware.render
        ) as render:
            middleware(RequestFactory().get("/a/"))
            middleware(RequestFactory().get("/a/"))
            self.assertEqual(render.call_count, 1)
            cache_tags.record([cache_tags.SITE])
            middleware(RequestFactory().get("/a/"))
            self.assertEqual(render.call_count, 2)
