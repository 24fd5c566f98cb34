from http import HTTPStatus

from django.core.cache import caches
from django.test import TestCase, override_settings
from wagtail.models import PageViewRestriction

from articles.models import Contributor
from polls.models import Choice, Poll
from polls.testing import JSON, SAME_ORIGIN
from testing.pages import make_article, make_index, site_root


@override_settings(
    PAGE_CACHE_ENABLED=True, ROUTE_CACHE_ENABLED=True, FRAGMENT_CACHE_ENABLED=True
)
class PageCacheTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.author = Contributor.objects.create(name="Dr Ada Example")
        cls.index = make_index(site_root())
        cls.article = make_article(cls.index, title="Leg numbness", author=cls.author)

    def setUp(self):
        caches["pages"].clear()

    def get(self, url=None, **extra):
        return self.client.get(url or self.article.url, **extra)

    def test_a_second_anonymous_read_is_a_hit_with_the_same_bytes(self):
        first, second = self.get(), self.get()
        self.assertEqual(first["X-Page-Cache"], "miss")
        self.assertEqual(second["X-Page-Cache"], "hit")
        self.assertEqual(first.content, second.content)
        self.assertEqual(second.status_code, HTTPStatus.OK)

    def test_public_pages_may_be_kept_briefly_and_do_not_vary_on_cookies(self):
        response = self.get()
        self.assertEqual(response["Cache-Control"], "public, max-age=60")
        self.assertNotIn("Cookie", response.get("Vary", ""))
        self.assertFalse(response.cookies)

    def test_keyed_on_host_path_and_query(self):
        self.get()
        self.assertEqual(self.get(HTTP_HOST="localhost")["X-Page-Cache"], "miss")
        self.assertEqual(self.get(f"{self.article.url}?x=1")["X-Page-Cache"], "miss")
        self.assertEqual(self.get(self.index.url)["X-Page-Cache"], "miss")
        self.assertEqual(self.get()["X-Page-Cache"], "hit")

    def test_logged_in_editors_never_get_or_fill_the_cache(self):
        self.get()
        self.client.force_login(self._superuser())
        response = self.get()
        self.assertNotIn("X-Page-Cache", response)
        self.assertNotIn("public", response.get("Cache-Control", ""))
        self.client.logout()
        self.client.cookies.clear()
        self.assertEqual(self.get()["X-Page-Cache"], "hit")

    def test_publishing_a_change_purges_at_once(self):
        self.get()
        self.article.title = "Leg numbness while running"
        self.article.save_revision().publish()
        response = self.get()
        self.assertEqual(response["X-Page-Cache"], "miss")
        self.assertContains(response, "Leg numbness while running")

    def test_the_listing_pages_are_purged_too(self):
        self.assertNotContains(self.get(self.index.url), "A new article")
        make_article(self.index, title="A new article")
        self.assertContains(self.get(self.index.url), "A new article")
        self.assertContains(self.get("/"), "A new article")

    def test_unpublishing_moving_and_deleting_purge(self):
        other_index = make_index(site_root(), title="Guides", slug="guides")
        for action in ["unpublish", "move", "delete"]:
            with self.subTest(action):
                article = make_article(self.index, title=f"To {action}")
                url = article.url
                self.assertEqual(self.get(url).status_code, 200)
                self.assertEqual(self.get(url)["X-Page-Cache"], "hit")
                if action == "move":
                    article.move(other_index, pos="last-child")
                    moved = self.get(url)  # a redirect to the new address
                    self.assertEqual(moved.status_code, HTTPStatus.MOVED_PERMANENTLY)
                    self.assertEqual(moved["Location"], f"/guides/{article.slug}/")
                    continue
                article.unpublish() if action == "unpublish" else article.delete()
                self.assertEqual(self.get(url).status_code, HTTPStatus.NOT_FOUND)

    def test_editing_a_contributor_shown_on_pages_purges(self):
        self.assertContains(self.get(), "Dr Ada Example")
        self.author.name = "Dr Ada Lovelace"
        self.author.save()
        self.assertContains(self.get(), "Dr Ada Lovelace")

    def test_making_a_section_private_takes_its_cached_pages_away(self):
        self.get(), self.get()  # the page and its route are now remembered
        restriction = PageViewRestriction.objects.create(
            page=self.index, restriction_type=PageViewRestriction.PASSWORD, password="x"
        )
        private = self.get()
        self.assertNotContains(private, "Dr Ada Example")
        self.assertContains(private, 'name="password"')
        restriction.delete()
        self.assertContains(self.get(), "Dr Ada Example")

    def test_making_a_page_private_takes_its_aliases_cached_pages_away(self):
        elsewhere = make_index(site_root(), title="Elsewhere", slug="elsewhere")
        alias = self.article.create_alias(parent=elsewhere, update_slug="numb-legs")
        again = make_index(site_root(), title="Again", slug="again")
        alias_of_alias = alias.create_alias(parent=again, update_slug="numb")
        for url in (alias.url, alias_of_alias.url):
            self.get(url), self.get(url)  # remembered
        PageViewRestriction.objects.create(
            page=self.article,
            restriction_type=PageViewRestriction.PASSWORD,
            password="x",
        )
        for url in (alias.url, alias_of_alias.url):
            with self.subTest(url):
                private = self.get(url)
                self.assertNotContains(private, "Dr Ada Example")
                self.assertContains(private, 'name="password"')

    def test_votes_do_not_purge_and_never_enter_the_page(self):
        before = self.get()
        poll = Poll.objects.get(question="Was this article helpful?")
        no = Choice.objects.get(poll=poll, label="No")
        data = {"page": self.article.pk, "poll": poll.pk, "choice": no.pk}
        self.client.post("/polls/vote/", data, **SAME_ORIGIN, **JSON)
        after = self.get()
        self.assertEqual(after["X-Page-Cache"], "hit")
        self.assertEqual(before.content, after.content)

    def test_posts_and_admin_pages_are_never_cached(self):
        self.assertNotIn("X-Page-Cache", self.client.post(self.article.url))
        self.assertNotIn("X-Page-Cache", self.client.get("/admin/login/"))
        self.assertNotIn("X-Page-Cache", self.client.get("/admin/login/"))

    def _superuser(self):
        from django.contrib.auth import get_user_model

        return get_user_model().objects.create_superuser(
            "editor", "", "pw", first_name="Eddie", last_name="Editor"
        )
