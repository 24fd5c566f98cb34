from django.apps import apps
from django.test import RequestFactory, SimpleTestCase

from core import registry


class RegistryTests(SimpleTestCase):
    def setUp(self):
        self.shown = set(registry.SHOWN_ON_PAGES)
        self.checks = list(registry.PRIVATE_CHECKS)
        self.image = list(registry._DEFAULT_SHARE_IMAGE)

    def tearDown(self):
        registry.SHOWN_ON_PAGES.clear()
        registry.SHOWN_ON_PAGES.update(self.shown)
        registry.PRIVATE_CHECKS[:] = self.checks
        registry._DEFAULT_SHARE_IMAGE[:] = self.image

    def test_the_sites_apps_registered_the_models_their_pages_show(self):
        labels = {model._meta.label for model in registry.SHOWN_ON_PAGES}
        self.assertEqual(
            labels,
            {
                "articles.Contributor",
                "articles.Topic",
                "home.SiteSettings",
                "polls.Poll",
                "polls.Choice",
                "polls.PollSettings",
                "wagtailcore.Site",
                "wagtailcore.PageViewRestriction",
            },
        )
        self.assertNotIn(apps.get_model("polls.Response"), registry.SHOWN_ON_PAGES)

    def test_an_unknown_model_is_refused_at_once(self):
        with self.assertRaises(LookupError):
            registry.show_on_pages("articles.NoSuchModel")

    def test_a_request_is_private_when_any_check_says_so(self):
        request = RequestFactory().get("/a/?mine=1")
        registry.PRIVATE_CHECKS.clear()
        self.assertFalse(registry.is_private(request))
        check = lambda request: "mine" in request.GET  # noqa: E731
        registry.keep_private(check)
        registry.keep_private(check)
        self.assertEqual(registry.PRIVATE_CHECKS, [check])
        self.assertTrue(registry.is_private(request))
        self.assertFalse(registry.is_private(RequestFactory().get("/a/")))

    def test_the_site_wires_the_polls_reader_state_in(self):
        answered = RequestFactory().get("/a/?answered=3")
        self.assertTrue(registry.is_private(answered))
        self.assertFalse(registry.is_private(RequestFactory().get("/a/")))

    def test_the_default_share_image_comes_from_the_function_set_last(self):
        request = RequestFactory().get("/")
        registry._DEFAULT_SHARE_IMAGE.clear()
        self.assertIsNone(registry.default_share_image(request))
        registry.set_default_share_image(lambda request: "first")
        registry.set_default_share_image(lambda request: "second")
        self.assertEqual(registry.default_share_image(request), "second")
