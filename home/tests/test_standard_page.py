from http import HTTPStatus

from bs4 import BeautifulSoup
from django.contrib.auth.models import Permission
from django.test import TestCase
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from articles.governance import MODERATORS
from articles.models import ArticleIndexPage
from home.models import HomePage, StandardPage
from testing.demo import load_demo
from testing.users import make_user

FOOTER_PAGES = {
    "/about/": "About us",
    "/contact/": "Contact us",
    "/privacy/": "Privacy and cookies",
    "/accessibility/": "Accessibility statement",
    "/editorial-policy/": "Editorial policy",
}


def standard_form_data(title="Contact us"):
    return nested_form_data(
        {
            "title": title,
            "slug": "contact-us",
            "introduction": "How to reach us.",
            "body": streamfield(
                [
                    ("heading", "By post"),
                    ("paragraph", rich_text("<p>Write to the editors.</p>")),
                    (
                        "callout",
                        {"level": "urgent", "text": rich_text("<p>Call 999.</p>")},
                    ),
                ]
            ),
        }
    )


class StandardPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = HomePage.objects.get()
        cls.page = StandardPage(
            title="About us",
            slug="about",
            introduction="Who we are.",
            body=[
                ("heading", "Who we are"),
                ("paragraph", "<p>Editors.</p>"),
                ("heading", "Who we are"),
            ],
        )
        cls.home.add_child(instance=cls.page)

    def test_lives_under_the_home_page_only(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage})
        self.assertAllowedSubpageTypes(StandardPage, set())
        self.assertCanCreateAt(HomePage, StandardPage)
        self.assertCanNotCreateAt(ArticleIndexPage, StandardPage)
        self.assertCanNotCreateAt(Page, StandardPage)

    def test_routable_renderable_previewable(self):
        self.assertPageIsRoutable(self.page)
        self.assertPageIsRenderable(self.page)
        self.assertPageIsPreviewable(self.page, post_data=standard_form_data())

    def test_an_editor_can_create_one_with_headings_paragraphs_and_callouts(self):
        self.login()
        self.assertCanCreate(self.home, StandardPage, standard_form_data())
        body = StandardPage.objects.get(slug="contact-us").body
        self.assertEqual(
            [block.block_type for block in body], ["heading", "paragraph", "callout"]
        )

    def test_headings_get_unique_ids(self):
        html = BeautifulSoup(self.client.get("/about/").content, "html.parser")
        self.assertEqual(
            [(h.name, h.get("id")) for h in html.select("h1, h2")],
            [("h1", None), ("h2", "who-we-are"), ("h2", "who-we-are-2")],
        )
        self.assertEqual(
            html.select_one("meta[name=description]")["content"], "Who we are."
        )


class DemoPagesTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()

    def test_every_demo_page_is_live_and_in_the_footer(self):
        response = self.client.get("/")
        html = BeautifulSoup(response.content, "html.parser")
        footer = html.select_one("nav[aria-label='About this site']")
        links = {a["href"]: a.text for a in footer.select("a")}
        self.assertEqual(links, FOOTER_PAGES)
        for url in FOOTER_PAGES:
            with self.subTest(url=url):
                self.assertEqual(self.client.get(url).status_code, HTTPStatus.OK)

    def test_privacy_page_names_the_poll_cookie_and_comment_retention(self):
        text = BeautifulSoup(
            self.client.get("/privacy/").content, "html.parser"
        ).main.get_text(" ")
        self.assertIn("“poll_reader”", text)
        self.assertIn("lasts one year", text)
        self.assertIn("Comments are deleted 365 days after", text)

    def test_editorial_policy_describes_the_clinical_review(self):
        text = BeautifulSoup(
            self.client.get("/editorial-policy/").content, "html.parser"
        ).main.get_text(" ")
        self.assertIn("submits it for clinical review", text)

    def test_running_again_keeps_editors_changes(self):
        page = StandardPage.objects.get(slug="about")
        page.title = "Who we are"
        page.save_revision().publish()
        output = load_demo()
        self.assertNotIn("Created the", output)
        self.assertEqual(StandardPage.objects.get(slug="about").title, "Who we are")
        self.assertEqual(StandardPage.objects.count(), len(FOOTER_PAGES))

    def test_moderators_may_edit_and_publish_them(self):
        moderator = self._user_in(MODERATORS)
        for page in StandardPage.objects.all():
            with self.subTest(page=page.slug):
                permissions = page.permissions_for_user(moderator)
                self.assertTrue(permissions.can_edit())
                self.assertTrue(permissions.can_publish())

    def test_rss_alone_is_not_labelled_follow_us(self):
        html = BeautifulSoup(self.client.get("/").content, "html.parser")
        self.assertIsNone(html.select_one("nav[aria-label='Follow us']"))
        self.assertEqual(
            html.select_one("footer a[type='application/rss+xml']")["href"], "/feed/"
        )

    def _user_in(self, group_name):
        user = make_user("mo", group_name)
        user.user_permissions.add(Permission.objects.get(codename="access_admin"))
        return user
