import datetime
from http import HTTPStatus

from bs4 import BeautifulSoup
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.test import TestCase
from django.urls import reverse
from wagtail.models import Page, Site
from wagtail.rich_text import RichText
from wagtail.test.utils import WagtailPageTestCase
from wagtail_factories import ImageFactory

from articles.models import ArticleIndexPage, ArticlePage, Contributor, Topic
from home.models import HomePage, SiteSettings
from testing.pages import (
    article_form_data,
    causes_block,
    make_article,
    make_index,
    site_root,
)


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

    def test_an_opening_paragraph_that_repeats_the_summary_is_not_rendered(self):
        summary = "Legs ache after exercise for a few usual reasons."
        page = ArticlePage(
            title="t",
            summary=summary,
            body=[
                ("paragraph", RichText(f"<p>{summary}</p>")),
                ("paragraph", RichText(f"<p>{summary}</p>")),
                causes_block(heading="Causes"),
            ],
        )
        kinds = [section.block.block_type for section in page.sections()]
        self.assertEqual(kinds, ["paragraph", "causes"])
        page.summary = "Something else."
        self.assertEqual(len(page.sections()), 3)

    def test_lede_appears_once_on_the_page(self):
        summary = "Legs ache after exercise for a few usual reasons."
        article = make_article(
            self.index,
            title="Aching legs",
            summary=summary,
            body=[("paragraph", RichText(f"<p>{summary}</p>")), causes_block()],
        )
        html = BeautifulSoup(self.client.get(article.url).content, "html.parser")
        self.assertEqual(html.select_one(".lede").text, summary)
        self.assertNotIn(summary, html.select_one(".article__body").text)
        self.assertTrue(html.select_one(".article__body .cause"))

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


class ArticlePageTrustTests(TestCase):
    """What a reader sees that tells them how far to trust the article."""

    @classmethod
    def setUpTestData(cls):
        cls.index = make_index(site_root())
        cls.reviewer = Contributor.objects.create(
            name="Dr Rowan Ash",
            credentials="MBBS",
            role="GP",
            profile="Twenty years in general practice.",
        )
        cls.nerves = Topic.objects.create(name="Nerves", slug="nerves")
        cls.feet = Topic.objects.create(name="Feet", slug="feet")
        cls.article = make_article(
            cls.index,
            title="Burning feet",
            reviewer=cls.reviewer,
            last_reviewed=datetime.date(2026, 1, 1),
            next_review_due=datetime.date(2099, 1, 1),
            topics=[cls.nerves, cls.feet],
        )

    def html(self, page):
        response = self.client.get(page.url)
        self.assertEqual(response.status_code, HTTPStatus.OK)
        return BeautifulSoup(response.content, "html.parser")

    def test_reading_time_counts_the_body_at_200_words_a_minute(self):
        words = " ".join(["word"] * 401)
        page = ArticlePage(body=[("paragraph", RichText(f"<p>{words}</p>"))])
        self.assertEqual(page.reading_time, 3)
        self.assertEqual(ArticlePage(body=[]).reading_time, 1)
        self.assertIn(
            "1 minute", self.html(self.article).select_one(".review-details").text
        )

    def test_the_reviewer_profile_and_dates_are_shown(self):
        html = self.html(self.article)
        reviewer = html.select_one("section.reviewer")
        self.assertIn("Dr Rowan Ash", reviewer.text)
        self.assertIn("Twenty years in general practice.", reviewer.text)
        details = html.select_one(".review-details").get_text(" ", strip=True)
        self.assertIn("Last reviewed 1 January 2026", details)
        self.assertIn("Next review due 1 January 2099", details)
        self.assertIsNone(html.select_one(".review-status"))

    def test_an_unreviewed_article_says_so(self):
        page = make_article(self.index, title="Unreviewed")
        status = self.html(page).select_one(".review-status")
        self.assertIn("Not yet medically reviewed", status.text)

    def test_an_overdue_review_is_flagged(self):
        self.assertEqual(
            self.article.review_status(today=datetime.date(2099, 1, 3)),
            "Overdue by 2 days",
        )
        self.assertEqual(
            self.article.review_status(today=datetime.date(2098, 12, 31)),
            "Due in 1 day",
        )
        page = make_article(
            self.index,
            title="Stale",
            reviewer=self.reviewer,
            last_reviewed=datetime.date(2020, 1, 1),
            next_review_due=datetime.date(2021, 1, 1),
        )
        self.assertIn(
            "Due for review", self.html(page).select_one(".review-status").text
        )

    def test_the_disclaimer_comes_from_the_site_settings(self):
        settings = SiteSettings.for_site(Site.objects.get(is_default_site=True))
        settings.disclaimer = "<p>Not a substitute for your own doctor.</p>"
        settings.save()
        disclaimer = self.html(self.article).select_one("aside.disclaimer")
        self.assertIn("Not a substitute for your own doctor.", disclaimer.text)

    def test_related_articles_share_topics_first_then_are_newest(self):
        one = make_article(self.index, title="Shares one", topics=[self.feet])
        both = make_article(
            self.index, title="Shares both", topics=[self.nerves, self.feet]
        )
        make_article(self.index, title="Shares none, newest")
        make_article(
            self.index, title="Related draft", topics=[self.feet], publish=False
        )
        related = self.html(self.article).select("aside.related .card__title a")
        self.assertEqual(
            [a.get_text() for a in related],
            [both.title, one.title, "Shares none, newest"],
        )

    def test_related_articles_take_the_same_queries_whatever_the_topics(self):
        topics = list(self.article.topics.all())
        # The recently filed, the newest, the articles, and view restrictions
        # (``public()``, asked once).
        for some_topics in [topics[:1], topics]:
            with self.assertNumQueries(4):
                list(ArticlePage.objects.related_to(self.article, some_topics))

    def test_the_hero_image_is_responsive_sized_and_loads_first(self):
        cache.clear()  # renditions are cached by image id, which tests reuse
        page = make_article(self.index, title="Hero", hero_image=ImageFactory())
        html = self.html(page)
        img = html.select_one(".article__hero picture img")
        self.assertTrue(img["width"] and img["height"])
        self.assertNotIn("loading", img.attrs)
        self.assertEqual(img["fetchpriority"], "high")
        self.assertEqual(
            {source["type"] for source in html.select(".article__hero source")},
            {"image/avif", "image/webp"},
        )

    def test_callouts_say_their_level_in_words(self):
        page = make_article(
            self.index,
            title="Callouts",
            body=[
                ("callout", {"level": "urgent", "text": RichText("<p>Call.</p>")}),
                ("callout", {"level": "see_doctor", "text": RichText("<p>GP.</p>")}),
            ],
        )
        levels = [p.get_text() for p in self.html(page).select(".callout__level")]
        self.assertEqual(levels, ["Urgent: get help now", "See a doctor"])

    def test_a_renamed_article_keeps_its_old_url_working(self):
        page = make_article(self.index, title="Old name")
        old_url = page.url
        page.slug = "new-name"
        # Wagtail creates the redirect once the rename is committed.
        with self.captureOnCommitCallbacks(execute=True):
            page.save_revision().publish()
        response = self.client.get(old_url)
        self.assertRedirects(
            response, "/articles/new-name/", status_code=HTTPStatus.MOVED_PERMANENTLY
        )


class RelatedPartTests(TestCase):
    """The related articles are a part of the article's page with its own view."""

    @classmethod
    def setUpTestData(cls):
        index = make_index()
        topic = Topic.objects.create(name="Nerves", slug="nerves")
        cls.article = make_article(index, title="Numb legs", topics=[topic])
        cls.other = make_article(index, title="Numb arms", topics=[topic])

    def test_the_part_lists_the_related_articles(self):
        response = self.client.get(reverse("articles:related", args=[self.article.pk]))
        self.assertContains(response, "Numb arms")
        self.assertIn("public", response["Cache-Control"])

    def test_an_unknown_or_unpublished_article_has_no_related_articles(self):
        self.other.unpublish()
        for pk in (self.other.pk, 999999):
            with self.subTest(pk=pk):
                response = self.client.get(reverse("articles:related", args=[pk]))
                self.assertEqual(response.status_code, 200)
                self.assertNotContains(response, "Related articles")

    def test_the_article_page_carries_the_part(self):
        response = self.client.get(self.article.url)
        self.assertContains(response, 'id="related"')
        self.assertNotContains(response, "<!--include:")
