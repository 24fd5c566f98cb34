import json

from django.template import Context, Template
from django.test import RequestFactory, TestCase

from testing.pages import make_article, make_index

TEMPLATE = Template("{% load structured_data_tags %}{% article_structured_data page %}")


class ArticleStructuredDataTagTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.article = make_article(make_index(), title="Leg numbness")

    def test_the_tag_writes_the_articles_json_ld(self):
        request = RequestFactory().get(self.article.url, HTTP_HOST="localhost")
        html = TEMPLATE.render(Context({"request": request, "page": self.article}))
        self.assertTrue(html.startswith('<script type="application/ld+json">'))
        data = json.loads(html.split(">", 1)[1].rsplit("</script>", 1)[0])
        self.assertEqual(data["@type"], "MedicalWebPage")
        self.assertEqual(data["url"], "http://localhost/articles/leg-numbness/")
        self.assertNotIn("image", data)
