from django.core.cache import caches
from django.template import Context, Template, TemplateSyntaxError
from django.test import RequestFactory, TestCase, override_settings
from wagtail.models import Site

from articles.models import Contributor
from core import cache_tags, page_cache
from testing.pages import make_article, make_index

# As templates/base_page.html uses it.
TEMPLATE = Template(
    "{% load fragment_tags %}"
    "{% cached_fragment 'part' private=private %}{{ value }}{% endcached_fragment %}"
)


def render(value, path="/a/", preview=False, method="get", private=False, tags=()):
    request = getattr(RequestFactory(), method)(path)
    request.is_preview = preview
    cache_tags.add(request, *tags)
    context = {"request": request, "value": value, "private": private}
    return TEMPLATE.render(Context(context)), request


@override_settings(FRAGMENT_CACHE_ENABLED=True)
class CachedFragmentTests(TestCase):
    def setUp(self):
        caches["pages"].clear()

    def test_a_fragment_is_reused_until_one_of_its_tags_is_bumped(self):
        self.assertEqual(render("first", tags=["page:1"])[0], "first")
        self.assertEqual(render("second")[0], "first")
        cache_tags.record(["page:2"])
        self.assertEqual(render("third")[0], "first")
        cache_tags.record(["page:1"])
        self.assertEqual(render("fourth")[0], "fourth")

    def test_a_hit_gives_the_request_the_fragments_tags(self):
        render("first", tags=["page:1", "topic:4"])
        _html, request = render("second")
        self.assertLessEqual({"page:1", "topic:4"}, cache_tags.of(request))

    def test_keyed_on_path_and_query(self):
        render("first")
        self.assertEqual(render("other path", path="/b/")[0], "other path")
        self.assertEqual(render("query", path="/a/?page=2")[0], "query")

    def test_previews_posts_and_private_pages_are_never_cached(self):
        render("first")
        self.assertEqual(render("preview", preview=True)[0], "preview")
        self.assertEqual(render("post", method="post")[0], "post")
        self.assertEqual(render("private", private=True)[0], "private")
        render("mine", path="/p/", private=True)
        self.assertEqual(render("again", path="/p/", private=True)[0], "again")

    @override_settings(FRAGMENT_CACHE_ENABLED=False)
    def test_can_be_switched_off(self):
        render("first")
        self.assertEqual(render("second")[0], "second")

    def test_a_misused_tag_says_how_to_use_it(self):
        with self.assertRaisesMessage(TemplateSyntaxError, "Usage"):
            Template(
                "{% load fragment_tags %}{% cached_fragment %}{% endcached_fragment %}"
            )


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

    def test_a_pages_parts_are_reused_until_what_they_show_changes(self):
        self.assertContains(self.client.get(self.article.url), "Dr Ada Example")
        # Written behind the signals' back: the cached body still shows the old name.
        Contributor.objects.filter(pk=self.author.pk).update(name="Dr Ada Lovelace")
        self.assertContains(self.client.get(self.article.url), "Dr Ada Example")
        page_cache.purge()
        self.assertContains(self.client.get(self.article.url), "Dr Ada Lovelace")

    def test_a_readers_own_page_is_rendered_afresh(self):
        self.client.get(self.article.url)
        Contributor.objects.filter(pk=self.author.pk).update(name="Dr Ada Lovelace")
        answered = self.client.get(f"{self.article.url}?answered=1")
        self.assertContains(answered, "Dr Ada Lovelace")

    def test_search_results_and_error_pages_are_rendered_afresh(self):
        for url in ["/search/?q=leg", "/no-such-page/"]:
            with self.subTest(url=url):
                self.client.get(url)
                Site.objects.filter(is_default_site=True).update(site_name=url)
                self.assertIn(url, self.client.get(url).content.decode())
