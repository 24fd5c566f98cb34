from http import HTTPStatus
from io import StringIO

from bs4 import BeautifulSoup
from django.core.management import call_command
from django.test import TestCase
from wagtail.models import GroupPagePermission, Page, Revision, Site, WorkflowPage

from articles.governance import EDITORS, REVIEW_WORKFLOW
from articles.models import ArticleIndexPage, ArticlePage, Topic
from home.demo import UNTRUE_INTRODUCTION
from home.models import HomePage
from polls.insight import edit_effects
from polls.models import DailyCount, Response
from testing.demo import SEED_URL, load_demo


class LoadDemoTests(TestCase):
    def test_builds_home_articles_and_the_published_seed_article(self):
        load_demo()
        index = ArticleIndexPage.objects.get()
        article = ArticlePage.objects.get()
        self.assertEqual(index.get_parent().specific_class.__name__, "HomePage")
        self.assertTrue(article.live)
        self.assertEqual(article.url, SEED_URL)
        self.assertEqual(Site.objects.get().hostname, "testserver")

    def test_running_twice_changes_nothing(self):
        load_demo()
        counts = [
            model.objects.count()
            for model in [Page, Revision, Topic, GroupPagePermission, WorkflowPage]
        ]
        output = load_demo()
        self.assertIn("Unchanged", output)
        self.assertNotIn("Filed under", output)
        self.assertEqual(ArticlePage.objects.count(), 1)
        self.assertEqual(
            [
                model.objects.count()
                for model in [Page, Revision, Topic, GroupPagePermission, WorkflowPage]
            ],
            counts,
        )

    def test_running_again_removes_the_repeated_lede_from_an_older_import(self):
        load_demo()
        article = ArticlePage.objects.get()
        old = article.get_latest_revision_as_object()
        first = old.body.raw_data[0]
        first["value"] = (
            f"<p>{article.summary} "
            "Some common causes of leg numbness during exercise include:</p>"
        )
        old.body = old.body.raw_data
        old.save_revision().publish()
        output = load_demo()
        self.assertIn("Updated", output)
        live = ArticlePage.objects.get()
        self.assertNotIn(article.summary, str(live.body.raw_data))
        html = BeautifulSoup(self.client.get(SEED_URL).content, "html.parser")
        self.assertNotIn(article.summary, html.select_one(".article__body").text)

    def test_files_the_seed_article_under_its_topics(self):
        load_demo()
        article = ArticlePage.objects.get()
        self.assertEqual(
            [topic.name for topic in article.topics.all()],
            ["Exercise and fitness", "Nerves and numbness"],
        )
        self.assertFalse(article.has_unpublished_changes)

    def test_puts_the_articles_section_under_clinical_review(self):
        load_demo()
        index = ArticleIndexPage.objects.get()
        self.assertEqual(index.get_workflow().name, REVIEW_WORKFLOW)
        self.assertTrue(
            GroupPagePermission.objects.filter(
                page=index, group__name=EDITORS, permission__codename="add_page"
            ).exists()
        )


class ReaderJourneyTests(TestCase):
    """A reader starting at / reaches the seed article by topic, search and feed."""

    @classmethod
    def setUpTestData(cls):
        load_demo()

    def follow(self, url, selector):
        response = self.client.get(url)
        self.assertEqual(response.status_code, HTTPStatus.OK, url)
        html = BeautifulSoup(response.content, "html.parser")
        return [a["href"] for a in html.select(selector)]

    def test_by_topic(self):
        [articles] = self.follow("/", 'nav[aria-label="Main"] a[href="/articles/"]')
        topics = self.follow(articles, 'nav[aria-label="Topics"] a')
        nerves = "/articles/topics/nerves-and-numbness/"
        self.assertIn(nerves, topics)
        listed = self.follow(nerves, ".cards .card__title a")
        self.assertEqual(listed, [SEED_URL])

    def test_by_search(self):
        [action] = [
            form["action"]
            for form in BeautifulSoup(
                self.client.get("/").content, "html.parser"
            ).select("form[role=search]")
        ]
        found = self.follow(f"{action}?q=numb", "#main .search-result__title a")
        self.assertEqual(found, [SEED_URL])

    def test_by_feed(self):
        html = BeautifulSoup(self.client.get("/").content, "html.parser")
        feed_url = html.find("link", type="application/rss+xml")["href"]
        self.assertContains(self.client.get(feed_url), f"http://testserver{SEED_URL}")


class SeedArticlePageTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        load_demo()

    def setUp(self):
        response = self.client.get(SEED_URL)
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.html = BeautifulSoup(response.content, "html.parser")

    def test_title_is_the_h1(self):
        self.assertEqual(
            [h1.get_text() for h1 in self.html.find_all("h1")],
            ["Why Does My Leg Go Numb When I Run?"],
        )

    def test_five_numbered_causes_then_prevention_and_conclusion(self):
        causes = self.html.select("ol.causes > li .cause__title")
        self.assertEqual(
            [cause.get_text() for cause in causes],
            [
                "Compression of nerves",
                "Poor blood flow",
                "Vitamin or mineral deficiency",
                "Muscular imbalances",
                "Medical conditions",
            ],
        )
        sections = [s["class"][0] for s in self.html.select(".article__body > *")]
        self.assertEqual(
            sections,
            ["block-paragraph", "block-causes", "block-prevention", "block-conclusion"],
        )

    def test_articles_section_is_in_the_main_menu(self):
        links = [a["href"] for a in self.html.select('nav[aria-label="Main"] a')]
        self.assertEqual(links, ["/", "/articles/"])


class DemoClaimsTests(TestCase):
    """The site-wide wording claims no more than the demo article shows."""

    def test_nothing_site_wide_says_reviewed_while_no_article_is(self):
        load_demo()
        self.assertFalse(ArticlePage.objects.get().is_medically_reviewed)
        html = BeautifulSoup(self.client.get("/").content, "html.parser")
        description = html.find("meta", attrs={"name": "description"})["content"]
        og_description = html.find("meta", property="og:description")["content"]
        self.assertTrue(description)
        self.assertEqual(og_description, description)
        for text in [
            description,
            html.find("footer").get_text(),
            html.find("main").get_text(),
        ]:
            self.assertNotIn("reviewed", text.lower())

    def test_rerunning_replaces_the_untrue_introduction_only(self):
        load_demo()
        home = HomePage.objects.get()
        home.introduction = UNTRUE_INTRODUCTION
        home.save_revision().publish()
        load_demo()
        self.assertNotIn("reviewed", HomePage.objects.get().introduction)
        home = HomePage.objects.get()
        home.introduction = "<p>Our own words, reviewed by us.</p>"
        home.save_revision().publish()
        load_demo()
        self.assertIn("Our own words", HomePage.objects.get().introduction)


class DemoFeedbackTests(TestCase):
    def test_a_verdict_on_the_seed_article_and_one_command_removes_it(self):
        out = StringIO()
        call_command(
            "load_demo", "--site-host", "testserver", "--demo-feedback", stdout=out
        )
        self.assertIn("demo answers", out.getvalue())
        article = ArticlePage.objects.get()
        comparisons = edit_effects.compare_edits(article)
        self.assertIn(
            edit_effects.MORE, [comparison.verdict for comparison in comparisons]
        )
        self.assertTrue(DailyCount.objects.exists())

        call_command("remove_demo_feedback", stdout=StringIO())
        self.assertFalse(Response.objects.filter(reader_key__startswith="demo-"))
        self.assertFalse(DailyCount.objects.exists())
        self.assertEqual(edit_effects.compare_edits(article), [])

    def test_without_the_flag_there_are_no_answers(self):
        load_demo()
        self.assertFalse(Response.objects.exists())
