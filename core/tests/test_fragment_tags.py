from django.core.cache import caches
from django.template import Context, Template
from django.test import RequestFactory, TestCase, override_settings
from wagtail.models import Site

from articles.models import Contributor
from core import page_cache, registry
from testing.pages import make_article, make_index

# As templates/base_page.html uses it.
TEMPLATE = Template(
    "{% load wagtail_cache fragment_tags %}"
    "{% fragment_cache as fragments %}"
    "{% wagtailpagecache fragments.timeout 'part' fragments.generation"
    " request.get_host request.get_full_path using=fragments.alias %}"
    "{{ value }}{% endwagtailpagecache %}"
)


class FakePage:
    """What Wagtail's tag reads of a page: its cache key (id, path, last publish)."""

    cache_key = "7-/a/-70"


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
        newer.cache_key = "7-/a/-71"
        self.assertEqual(render("new revision", page=newer), "new revision")

    def test_previews_and_posts_are_never_cached(self):
        render("first")
        self.assertEqual(render("preview", preview=True), "preview")
        self.assertEqual(render("post", method="post"), "post")
        render("draft one", path="/p/", preview=True)
        self.assertEqual(render("draft two", path="/p/", preview=True), "draft two")

    def test_a_readers_own_page_is_never_cached(self):
        self.assertTrue(registry.is_private(RequestFactory().get("/a/?answered=3")))
        render("first", path="/a/?answered=3")
        self.assertEqual(render("second", path="/a/?answered=3"), "second")

    @override_settings(FRAGMENT_CACHE_ENABLED=False)
    def test_can_be_switched_off(self):
        render("first")
        self.assertEqual(render("second"), "second")


@override_settings(FRAGMENT_CACHE_ENABLED=True, PAGE_CACHE_ENABLED=False)
class PagePartsTests(TestCase):
    """base_page.html caches every Wagtail page's head and body this way."""

    @classmethod
    def setUpTestData(cls):
        cls.author = Contributor.objects.create(name="Dr Ada Example")
        cls.article = make_article(
            make_index(), title="Leg numbness", author=cls.author
        )

    def setUp(self):
        caches["pages"].clear()

    def test_a_pages_parts_are_reused_until_the_next_purge(self):
        self.assertContains(self.client.get(self.article.url), "Dr Ada Example")
        # Written behind the purge's back: the cached body still shows the old name.
        Contributor.objects.filter(pk=self.author.pk).update(name="Dr Ada Lovelace")
        self.assertContains(self.client.get(self.article.url), "Dr Ada Example")
        page_cache.purge()
        self.assertContains(self.client.get(self.article.url), "Dr Ada Lovelace")

    def test_search_results_and_error_pages_are_rendered_afresh(self):
        for url in ["/search/?q=leg", "/no-such-page/"]:
            with self.subTest(url=url):
                self.client.get(url)
                Site.objects.filter(is_default_site=True).update(site_name=url)
                self.assertIn(url, self.client.get(url).content.decode())
