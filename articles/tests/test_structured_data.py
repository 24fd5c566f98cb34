import datetime
import json

from bs4 import BeautifulSoup
from django.core.cache import cache
from django.test import TestCase
from wagtail_factories import ImageFactory

from articles.models import ArticlePage, Contributor, Topic
from articles.structured_data import json_ld, medical_web_page
from testing.pages import make_article, make_index

REQUIRED = [
    "headline",
    "description",
    "datePublished",
    "dateModified",
    "lastReviewed",
    "reviewedBy",
    "author",
    "image",
]


def page_json_ld(response):
    html = BeautifulSoup(response.content, "html.parser")
    scripts = html.find_all("script", type="application/ld+json")
    return [json.loads(script.string) for script in scripts]


class ArticleJsonLdTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.reviewer = Contributor.objects.create(
            name="Dr Rowan Ash",
            credentials="MBBS, MRCGP",
            role="General practitioner",
            profile="A GP with twenty years' experience.",
        )
        cls.author = Contributor.objects.create(name="Sam Writer")
        cls.topic = Topic.objects.create(name="Nerves", slug="nerves")
        cls.article = make_article(
            make_index(),
            title="Why do my feet burn?",
            summary="Burning feet explained </script><b>",
            author=cls.author,
            reviewer=cls.reviewer,
            last_reviewed=datetime.date(2026, 3, 1),
            next_review_due=datetime.date(2027, 3, 1),
            hero_image=ImageFactory(),
            topics=[cls.topic],
        )

    def setUp(self):
        # Wagtail caches renditions by image id, and ids repeat between tests.
        cache.clear()

    def test_the_article_carries_a_medical_web_page(self):
        response = self.client.get(self.article.url)
        [data] = page_json_ld(response)
        self.assertEqual(data["@context"], "https://schema.org")
        self.assertEqual(data["@type"], "MedicalWebPage")
        for field in REQUIRED:
            with self.subTest(field=field):
                self.assertTrue(data.get(field))
        self.assertEqual(data["headline"], "Why do my feet burn?")
        self.assertEqual(data["description"], "Burning feet explained </script><b>")
        self.assertEqual(data["lastReviewed"], "2026-03-01")
        self.assertEqual(
            data["reviewedBy"],
            {
                "@type": "Person",
                "name": "Dr Rowan Ash",
                "honorificSuffix": "MBBS, MRCGP",
                "jobTitle": "General practitioner",
                "description": "A GP with twenty years' experience.",
            },
        )
        self.assertEqual(data["author"]["name"], "Sam Writer")
        self.assertEqual(data["url"], "http://localhost/articles/why-do-my-feet-burn/")
        self.assertTrue(data["image"].startswith("http://localhost/media/images/"))
        self.assertEqual(data["about"], [{"@type": "Thing", "name": "Nerves"}])
        published = datetime.datetime.fromisoformat(data["datePublished"])
        # DjangoJSONEncoder keeps milliseconds, not microseconds.
        delta = published - self.article.first_published_at
        self.assertLess(abs(delta.total_seconds()), 0.001)

    def test_text_cannot_close_the_script_element(self):
        response = self.client.get(self.article.url)
        self.assertNotContains(response, "explained </script>")
        self.assertContains(response, "explained \\u003C/script\\u003E")

    def test_the_share_card_uses_the_same_image(self):
        response = self.client.get(self.article.url)
        [data] = page_json_ld(response)
        html = BeautifulSoup(response.content, "html.parser")
        og_image = html.find("meta", property="og:image")["content"]
        self.assertEqual(og_image, data["image"])
        card = html.find("meta", attrs={"name": "twitter:card"})["content"]
        self.assertEqual(card, "summary_large_image")


class MedicalWebPageTests(TestCase):
    """A page is built, not saved, but Wagtail reads its content type."""

    def test_unknown_fields_are_left_out_rather_than_null(self):
        page = ArticlePage(title="Draft", summary="S")
        data = medical_web_page(page, url="https://example.test/a/")
        for field in ["lastReviewed", "reviewedBy", "author", "image", "about"]:
            with self.subTest(field=field):
                self.assertNotIn(field, data)

    def test_json_ld_is_a_script_element_with_valid_json(self):
        html = str(json_ld({"a": "<&>"}))
        self.assertTrue(html.startswith('<script type="application/ld+json">'))
        body = html.removeprefix('<script type="application/ld+json">')
        self.assertEqual(json.loads(body.removesuffix("</script>")), {"a": "<&>"})


class ReviewClaimTests(TestCase):
    """ "Reviewed" is said only with a named reviewer and a review date."""

    def test_a_reviewer_without_a_date_is_not_claimed_anywhere(self):
        reviewer = Contributor.objects.create(name="Dr Rowan Ash")
        article = make_article(make_index(), title="Why do my toes tingle?")
        # Older data or an import can hold a reviewer without the date that
        # the edit form would insist on.
        ArticlePage.objects.filter(pk=article.pk).update(reviewer=reviewer)
        response = self.client.get(article.url)
        html = BeautifulSoup(response.content, "html.parser")
        terms = [dt.get_text() for dt in html.select(".review-details dt")]
        self.assertNotIn("Medically reviewed by", terms)
        self.assertNotIn("Last reviewed", terms)
        self.assertIn("Last updated", terms)
        self.assertIsNone(html.find(id="reviewer"))
        self.assertIn("Not yet medically reviewed", html.get_text())
        [data] = page_json_ld(response)
        self.assertNotIn("reviewedBy", data)
        self.assertNotIn("lastReviewed", data)

    def test_a_date_without_a_reviewer_is_not_claimed_either(self):
        article = make_article(make_index(), last_reviewed=datetime.date(2026, 3, 1))
        response = self.client.get(article.url)
        html = BeautifulSoup(response.content, "html.parser")
        terms = [dt.get_text() for dt in html.select(".review-details dt")]
        self.assertNotIn("Last reviewed", terms)
        self.assertNotIn("lastReviewed", page_json_ld(response)[0])
