from http import HTTPStatus

from django.test import TestCase
from django.urls import reverse
from wagtail.test.utils import WagtailTestUtils
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from polls.models import Choice
from polls.testing import choice, make_editor, make_page, make_poll, vote


class ChoiceDeletionTests(WagtailTestUtils, TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.poll = make_poll(
            "Was this useful?",
            labels=[("Yes", "positive"), ("No", "negative"), ("Unsure", "neutral")],
        )
        cls.yes, cls.no, cls.unsure = (
            choice(cls.poll, label) for label in ["Yes", "No", "Unsure"]
        )
        vote(make_page("Numb legs"), cls.no, 2)

    def setUp(self):
        self.login(make_editor("editor"))
        self.url = reverse("wagtailsnippets_polls_poll:edit", args=[self.poll.pk])

    def post(self, delete=()):
        choices = [
            {
                "id": str(c.pk),
                "label": c.label,
                "sentiment": c.sentiment,
                "DELETE": "on" if c.label in delete else "",
            }
            for c in [self.yes, self.no, self.unsure]
        ]
        data = nested_form_data(
            {
                "question": self.poll.question,
                "is_active": "on",
                "follow_up_question": self.poll.follow_up_question,
                "choices": inline_formset(choices, initial=3, min=2, max=6),
            }
        )
        return self.client.post(self.url, data)

    def test_deleting_an_answered_choice_is_a_form_error(self):
        response = self.post(delete=["No"])
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertContains(response, "“No” has 2 answers, so it cannot be deleted.")
        self.assertTrue(Choice.objects.filter(pk=self.no.pk).exists())

    def test_deleting_an_unanswered_choice_works(self):
        response = self.post(delete=["Unsure"])
        self.assertRedirects(response, reverse("wagtailsnippets_polls_poll:list"))
        self.assertEqual(
            list(self.poll.choices.values_list("label", flat=True)), ["Yes", "No"]
        )

    def test_renaming_an_answered_choice_is_allowed(self):
        self.no.label = "Not really"
        response = self.post()
        self.assertRedirects(response, reverse("wagtailsnippets_polls_poll:list"))
        self.assertEqual(Choice.objects.get(pk=self.no.pk).label, "Not really")
