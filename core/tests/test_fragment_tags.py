from django.core.cache import caches
from django.template import Context, Template
from django.test import RequestFactory, TestCase, override_settings

from core import page_cache

TEMPLATE = Template(
    "{% load fragment_tags %}"
    "{% page_fragment 'part' %}{{ value }}{% endpage_fragment %}"
)


class FakePage:
    pk = 7
    live_revision_id = 70


def render(value, path="/a/", page=None, preview=False, method="get"):
    request = getattr(RequestFactory(), method)(path)
    request.is_preview = preview
    context = {"request": request, "value": value, "page": page or FakePage()}
    return TEMPLATE.render(Context(context))


@override_settings(FRAGMENT_CACHE_ENABLED=True)
class PageFragmentTests(TestCase):
    def setUp(self):
        caches["pages"].clear()

    def test_a_fragment_is_reused_until_the_next_purge(self):
        self.assertEqual(render("first"), "first")
        self.assertEqual(render("second"), "first")
        page_cache.purge()
        self.assertEqual(render("third"), "third")

    def test_keyed_on_path_query_and_revision(self):
        render("first")
        self.assertEqual(render("other path", path="/b/"), "other path")
        self.assertEqual(render("query", path="/a/?answered=3"), "query")
        newer = FakePage()
        newer.live_revision_id = 71
        self.assertEqual(render("new revision", page=newer), "new revision")

    def test_previews_and_posts_are_never_cached(self):
        render("first")
        self.assertEqual(render("preview", preview=True), "preview")
        self.assertEqual(render("post", method="post"), "post")
        render("draft one", path="/p/", preview=True)
        self.assertEqual(render("draft two", path="/p/", preview=True), "draft two")

    @override_settings(FRAGMENT_CACHE_ENABLED=False)
    def test_can_be_switched_off(self):
        render("first")
        self.assertEqual(render("second"), "second")
