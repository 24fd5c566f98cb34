import datetime
from http import HTTPStatus

from django.core.exceptions import ValidationError
from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase

from articles.models import ArticleIndexPage, ArticlePage
from articles.tests.factories import (
    article_form_data,
    causes_block,
    make_article,
    make_index,
    site_root,
)
from home.models import HomePage


class ArticleIndexPageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.home = site_root()
        cls.index = make_index(cls.home)
        cls.articles = [
            make_article(cls.index, title=f"Article {n}") for n in range(1, 13)
        ]
        make_article(cls.index, title="Unpublished draft", publish=False)

    def test_lives_only_under_the_home_page(self):
        self.assertAllowedParentPageTypes(ArticleIndexPage, {HomePage})
        self.assertCanCreateAt(HomePage, ArticleIndexPage)
        self.assertCanNotCreateAt(Page, ArticleIndexPage)
        self.assertCanNotCreateAt(ArticleIndexPage, ArticleIndexPage)

    def test_holds_only_articles(self):
        self.assertAllowedSubpageTypes(ArticleIndexPage, {ArticlePage})

    def test_routable_renderable_previewable(self):
        self.assertPageIsRoutable(self.index)
        self.assertPageIsRenderable(self.index)
        self.assertPageIsPreviewable(self.index)

    def test_lists_published_articles_newest_first_ten_per_page(self):
        response = self.client.get(self.index.url)
        listed = [article.title for article in response.context["articles"]]
        self.assertEqual(listed, [f"Article {n}" for n in range(12, 2, -1)])
        self.assertNotContains(response, "Unpublished draft")
        second = self.client.get(self.index.url, {"page": 2})
        self.assertEqual(
            [a.title for a in second.context["articles"]], ["Article 2", "Article 1"]
        )

    def test_a_page_number_that_does_not_exist_is_not_found(self):
        for page in ["3", "0", "abc", "-1"]:
            with self.subTest(page=page):
                response = self.client.get(self.index.url, {"page": page})
                self.assertEqual(response.status_code, HTTPStatus.NOT_FOUND)


class ArticlePageTests(WagtailPageTestCase):
    @classmethod
    def setUpTestData(cls):
        cls.index = make_index(site_root())
        cls.article = make_article(
            cls.index,
            title="Why do my legs ache?",
            summary="The usual reasons legs ache after exercise.",
        )

    def test_lives_only_under_an_article_index(self):
        self.assertAllowedParentPageTypes(ArticlePage, {ArticleIndexPage})
        self.assertCanNotCreateAt(HomePage, ArticlePage)
        self.assertCanNotCreateAt(Page, ArticlePage)
        self.assertAllowedSubpageTypes(ArticlePage, set())

    def test_routable_renderable_previewable(self):
        self.assertPageIsRoutable(self.article)
        self.assertPageIsRenderable(self.article)
        self.assertPageIsPreviewable(
            self.article, post_data=article_form_data(self.article.title)
        )

    def test_an_editor_can_create_one_with_a_structured_body(self):
        self.login()
        self.assertCanCreate(self.index, ArticlePage, article_form_data())

    def test_page_shows_title_as_the_only_h1(self):
        response = self.client.get(self.article.url)
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertContains(response, "<h1>Why do my legs ache?</h1>", html=True)
        self.assertEqual(response.content.decode().count("<h1"), 1)

    def test_summary_is_the_meta_description(self):
        response = self.client.get(self.article.url)
        self.assertContains(
            response,
            '<meta name="description" '
            'content="The usual reasons legs ache after exercise.">',
            html=True,
        )

    def test_sections_get_unique_anchors_that_avoid_reserved_ids(self):
        page = ArticlePage(
            title="t",
            body=[
                causes_block(heading="Causes"),
                causes_block(heading="Causes"),
                causes_block(heading="References"),
                causes_block(heading=""),
            ],
        )
        anchors = [section.anchor for section in page.sections()]
        self.assertEqual(anchors, ["causes", "causes-2", "references-2", ""])

    def test_table_of_contents_links_to_each_heading(self):
        response = self.client.get(self.article.url)
        for anchor in ["common-causes", "prevention", "conclusion"]:
            with self.subTest(anchor=anchor):
                self.assertContains(response, f'<a href="#{anchor}">')
                self.assertContains(response, f'id="{anchor}"')

    def test_review_dates_must_be_in_order(self):
        self.article.last_reviewed = datetime.date(2026, 5, 1)
        self.article.next_review_due = datetime.date(2026, 4, 1)
        with self.assertRaises(ValidationError) as caught:
            self.article.full_clean()
        self.assertIn("next_review_due", caught.exception.message_dict)

    def test_search_finds_articles_by_body_text(self):
        self.assertIn(self.article, list(ArticlePage.objects.search("compression")))
        self.assertIn(self.article, list(ArticlePage.objects.search("usual")))
        self.assertEqual(list(ArticlePage.objects.search("kidneys")), [])
