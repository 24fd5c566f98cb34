from django.test import RequestFactory, TestCase

from core.sharing import absolute, share_image


class AbsoluteTests(TestCase):
    def test_urls_are_made_absolute_on_the_sites_root(self):
        request = RequestFactory().get("/")
        self.assertEqual(
            absolute(request, "/media/a.jpg"), "http://localhost/media/a.jpg"
        )
        self.assertEqual(
            absolute(request, "https://cdn.example/a.jpg"), "https://cdn.example/a.jpg"
        )


class ShareImageTests(TestCase):
    def test_a_page_without_an_image_on_a_site_without_a_default_shares_none(self):
        request = RequestFactory().get("/")
        self.assertIsNone(share_image(request, page=None))
        self.assertIsNone(request._share_image)
