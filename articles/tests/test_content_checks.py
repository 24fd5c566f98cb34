import json

from bs4 import BeautifulSoup
from django.test import TestCase
from wagtail.admin.userbar import AccessibilityItem, ContentCheckerItem
from wagtail.test.utils import WagtailTestUtils

from articles.content_checks import (
    EXTRA_RULES,
    ArticleContentCheckerItem,
    with_article_checks,
)
from testing.pages import make_article, make_index


class ArticleContentChecksTests(WagtailTestUtils, TestCase):
    def test_replaces_wagtails_checker_keeping_where_it_runs(self):
        # Wagtail 7.4 still builds its checker as the deprecated subclass.
        items = [AccessibilityItem(in_editor=True), ContentCheckerItem()]
        with_article_checks(items)
        self.assertEqual(
            [(type(item), item.in_editor) for item in items],
            [(ArticleContentCheckerItem, True), (ArticleContentCheckerItem, False)],
        )

    def test_keeps_wagtails_rules_and_adds_the_article_ones(self):
        rules = ArticleContentCheckerItem.axe_run_only
        for rule in [*ContentCheckerItem.axe_run_only, *EXTRA_RULES]:
            with self.subTest(rule=rule):
                self.assertIn(rule, rules)

    def test_the_checker_on_a_live_article_runs_the_article_rules(self):
        article = make_article(make_index())
        self.login()
        response = self.client.get(article.url)
        html = BeautifulSoup(response.content, "html.parser")
        config = json.loads(html.find(id="checker-axe-configuration").string)
        self.assertIn("page-has-heading-one", config["options"]["runOnly"])
        self.assertIn("heading-order", config["options"]["runOnly"])
