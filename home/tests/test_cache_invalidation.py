"""Each kind of change drops the cached pages that show it, and only those.

For every kind of change, two tests: one fails if a page that shows the
change stays cached (stale), the other if a page that does not show it is
dropped anyway. "Dropped" is read from outside, as a reader's next request
that is not answered from the page cache.
"""

from django.core.cache import caches
from django.test import TestCase, override_settings
from wagtail.models import Site

from articles.models import Contributor, Topic
from home.models import HomePage, SiteSettings
from polls.models import PollSettings
from testing.pages import make_article, make_index, make_standard_page, site_root


@override_settings(
    PAGE_CACHE_ENABLED=True, ROUTE_CACHE_ENABLED=True, FRAGMENT_CACHE_ENABLED=True
)
class InvalidationTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get()
        cls.t1 = Topic.objects.create(name="Nerves", slug="nerves")
        cls.t2 = Topic.objects.create(name="Muscles", slug="muscles")
        cls.t3 = Topic.objects.create(name="Skin", slug="skin")
        cls.author = Contributor.objects.create(name="Dr Ada Example")
        cls.a = make_index(site_root(), title="Articles", slug="articles")
        cls.b = make_index(site_root(), title="Guides", slug="guides")
        cls.a1 = make_article(
            cls.a, title="Numb legs", topics=[cls.t1], author=cls.author
        )
        cls.a3 = make_article(cls.a, title="Numb arms", topics=[cls.t1])
        cls.a2 = make_article(cls.a, title="Sore calves", topics=[cls.t2])
        # Four articles sharing a topic: each one's related articles are the
        # other three, so they depend on nothing outside that topic.
        cls.bs = [
            make_article(cls.b, title=f"Itchy skin {n}", topics=[cls.t3])
            for n in range(4)
        ]
        cls.about = make_standard_page("About us", show_in_footer=True)

    def setUp(self):
        caches["pages"].clear()
        self.b1 = self.bs[0]
        self.pages = {
            "home": "/",
            "a": self.a.url,
            "a topic 1": f"{self.a.url}topics/nerves/",
            "b": self.b.url,
            "b topic 3": f"{self.b.url}topics/skin/",
            "a1": self.a1.url,
            "a2": self.a2.url,
            "a3": self.a3.url,
            "b1": self.b1.url,
            "about": self.about.url,
            "feed": "/feed/",
            "sitemap": "/sitemap.xml",
        }
        for url in self.pages.values():
            self.client.get(url)
            self.assertEqual(self.cached(url), True, url)

    def cached(self, url):
        return self.client.get(url).get("X-Page-Cache") == "hit"

    def assert_dropped(self, *names):
        for name in names:
            with self.subTest(dropped=name):
                self.assertFalse(self.cached(self.pages[name]), name)

    def assert_kept(self, *names):
        for name in names:
            with self.subTest(kept=name):
                self.assertTrue(self.cached(self.pages[name]), name)

    def assert_related_lists(self, name, title, listed=True):
        """The page stays cached; its related part (its own view) changes."""
        response = self.client.get(self.pages[name])
        self.assertEqual(response["X-Page-Cache"], "hit", name)
        related = response.content.decode().split('id="related"', 1)[-1]
        (self.assertIn if listed else self.assertNotIn)(title, related)

    def publish(self, page, **changes):
        page.refresh_from_db()  # as the editor finds it: children and all
        for field, value in changes.items():
            setattr(page, field, value)
        page.save_revision().publish()

    # Publishing a new article
    def test_publishing_drops_its_listings_home_feed_sitemap_and_topic(self):
        make_article(self.a, title="Numb feet", topics=[self.t1])
        self.assert_dropped("a", "a topic 1", "home", "feed", "sitemap")
        self.assert_related_lists("a1", "Numb feet")
        self.assert_related_lists("a3", "Numb feet")

    def test_publishing_keeps_other_sections_and_topics(self):
        make_article(self.a, title="Numb feet", topics=[self.t1])
        self.assert_kept("b", "b topic 3", "b1", "about")

    # Unpublishing
    def test_unpublishing_drops_the_article_and_what_lists_it(self):
        self.a1.unpublish()
        self.assert_dropped("a1", "a", "a topic 1", "home", "feed", "sitemap")
        self.assert_related_lists("a3", "Numb legs", listed=False)

    def test_unpublishing_keeps_other_sections(self):
        self.a1.unpublish()
        self.assert_kept("b", "b topic 3", "b1", "about")

    # Moving
    def test_moving_drops_both_sections_and_the_old_address(self):
        self.a2.move(self.b, pos="last-child")
        self.assert_dropped("a2", "a", "b", "sitemap")

    def test_moving_keeps_pages_that_never_showed_it(self):
        self.a2.move(self.b, pos="last-child")
        self.assert_kept("b1", "about", "a topic 1")

    # Deleting
    def test_deleting_drops_the_article_and_what_lists_it(self):
        self.a1.delete()
        self.assert_dropped("a1", "a", "a topic 1", "home", "feed", "sitemap")
        self.assert_related_lists("a3", "Numb legs", listed=False)

    def test_deleting_keeps_other_sections(self):
        self.a1.delete()
        self.assert_kept("b", "b topic 3", "b1", "about")

    # Renaming an article's slug
    def test_a_slug_rename_drops_the_old_address_and_the_pages_linking_it(self):
        self.publish(self.a1, slug="numb-legs-when-running")
        self.assert_dropped("a1", "a", "a topic 1", "sitemap")
        self.assert_related_lists("a3", "/numb-legs-when-running/")

    def test_a_slug_rename_keeps_other_sections(self):
        self.publish(self.a1, slug="numb-legs-when-running")
        self.assert_kept("b", "b topic 3", "b1", "about")

    # Editing a topic
    def test_a_topic_edit_drops_its_articles_and_every_topic_filter(self):
        self.t3.description = "Rashes, itching and dry skin."
        self.t3.save()
        self.assert_dropped("b1", "b topic 3", "a", "b", "sitemap")

    def test_a_topic_edit_keeps_articles_of_other_topics(self):
        self.t3.description = "Rashes, itching and dry skin."
        self.t3.save()
        self.assert_kept("a1", "a2", "about")

    # Editing a contributor
    def test_a_contributor_edit_drops_the_articles_they_sign(self):
        self.author.name = "Dr Ada Lovelace"
        self.author.save()
        self.assert_dropped("a1", "feed")
        self.assertContains(self.client.get(self.a1.url), "Dr Ada Lovelace")

    def test_a_contributor_edit_keeps_articles_they_do_not_sign(self):
        self.author.name = "Dr Ada Lovelace"
        self.author.save()
        self.assert_kept("b1", "b", "about")

    # Editing the home page
    def test_a_home_page_edit_drops_the_home_page(self):
        self.publish(self.home, introduction="<p>Welcome back.</p>")
        self.assert_dropped("home")

    def test_a_home_page_edit_keeps_the_pages_under_it_unless_its_title_changes(self):
        self.publish(self.home, introduction="<p>Welcome back.</p>")
        self.assert_kept("a1", "b1", "about", "a")
        self.publish(self.home, title="Health Answers home")  # in every breadcrumb
        self.assert_dropped("a1", "b1", "about", "a")

    # Editing the site settings
    def test_a_site_settings_edit_drops_every_page(self):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.tagline = "Clear answers, checked by clinicians."
        settings.save()
        self.assert_dropped(*self.pages)

    def test_site_settings_appearing_with_their_defaults_drop_nothing(self):
        site = Site.objects.get(is_default_site=True)
        SiteSettings.objects.filter(site=site).delete()
        SiteSettings.for_site(site)
        self.assert_kept(*self.pages)

    # Editing the poll settings
    def test_a_poll_settings_edit_drops_the_pages_showing_a_poll(self):
        settings = PollSettings.for_site(Site.objects.get(is_default_site=True))
        settings.comments_are_read = not settings.comments_are_read
        settings.save()
        self.assert_dropped("a1", "a2", "b1")

    def test_a_poll_settings_edit_keeps_pages_without_a_poll(self):
        settings = PollSettings.for_site(Site.objects.get(is_default_site=True))
        settings.comments_are_read = not settings.comments_are_read
        settings.save()
        self.assert_kept("home", "a", "b", "about", "feed", "sitemap")
