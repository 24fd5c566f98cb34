from http import HTTPStatus

from wagtail.models import Page, Site
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text

from articles.models import ArticleIndexPage
from home.models import HomePage, HomePageFeaturedArticle, SiteSettings, StandardPage
from testing.pages import make_article, make_index, site_root


class HomePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = site_root()
        cls.index = make_index(cls.home)
        cls.older = make_article(cls.index, title="Older article")
        cls.newer = make_article(cls.index, title="Newer article")
        cls.draft = make_article(cls.index, title="Draft article", publish=False)

    def test_the_site_root_is_a_home_page(self):
        self.assertIsInstance(self.home, HomePage)

    def test_sits_at_the_root_and_holds_sections(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        self.assertAllowedSubpageTypes(HomePage, {ArticleIndexPage, StandardPage})

    def test_there_is_only_one(self):
        self.assertFalse(HomePage.can_create_at(Page.get_first_root_node()))

    def test_routable_renderable_previewable(self):
        self.assertPageIsRoutable(self.home)
        self.assertPageIsRenderable(self.home)
        self.assertPageIsPreviewable(
            self.home,
            post_data=nested_form_data(
                {
                    "title": "Health Answers",
                    "slug": "home",
                    "introduction": rich_text("<p>Welcome.</p>"),
                    "featured_articles": inline_formset([]),
                }
            ),
        )

    def test_lists_latest_published_articles_newest_first(self):
        response = self.client.get("/")
        self.assertEqual(response.status_code, HTTPStatus.OK)
        latest = [article.title for article in response.context["latest_articles"]]
        self.assertEqual(latest, ["Newer article", "Older article"])
        self.assertNotContains(response, "Draft article")

    def test_featured_articles_come_first_in_the_editors_order(self):
        HomePageFeaturedArticle.objects.create(
            home_page=self.home, article=self.draft, sort_order=0
        )
        HomePageFeaturedArticle.objects.create(
            home_page=self.home, article=self.older, sort_order=1
        )
        response = self.client.get("/")
        self.assertEqual(response.context["featured_articles"], [self.older])
        latest = [article.title for article in response.context["latest_articles"]]
        self.assertEqual(latest, ["Newer article"])

    def test_base_template_landmarks(self):
        response = self.client.get("/")
        html = response.content.decode()
        for fragment in [
            'class="skip-link" href="#main"',
            "<header",
            '<nav class="main-nav" aria-label="Main">',
            '<main id="main"',
            "<footer",
            '<link rel="canonical"',
            'property="og:title"',
        ]:
            with self.subTest(fragment=fragment):
                self.assertIn(fragment, html)
        self.assertEqual(html.count("<h1"), 1)


class SiteSettingsTests(WagtailPageTestCase):
    def settings(self):
        return SiteSettings.for_site(Site.objects.get(is_default_site=True))

    def test_a_new_site_starts_with_a_tagline_and_a_disclaimer(self):
        settings = self.settings()
        self.assertTrue(settings.tagline)
        self.assertTrue(settings.description)
        # True of an unreviewed article too (issue 14: claims match the content).
        self.assertNotIn("reviewed", f"{settings.tagline} {settings.description}")
        self.assertIn("not medical advice", settings.disclaimer)

    def test_the_tagline_and_social_links_appear_in_the_footer(self):
        settings = self.settings()
        settings.tagline = "Plain answers, checked by clinicians."
        settings.social_links = [
            ("link", {"label": "Mastodon", "url": "https://social.example/@health"})
        ]
        settings.save()
        response = self.client.get("/")
        self.assertContains(response, "Plain answers, checked by clinicians.")
        self.assertContains(
            response,
            '<a href="https://social.example/@health" rel="me noopener">Mastodon</a>',
            html=True,
        )

    def test_editors_edit_them_in_the_admin(self):
        self.login()
        response = self.client.get(
            f"/admin/settings/home/sitesettings/{Site.objects.get().pk}/"
        )
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertContains(response, "Settings → Sites")
