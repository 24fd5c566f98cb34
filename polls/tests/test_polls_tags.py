from bs4 import BeautifulSoup
from django.test import TestCase

from polls.models import PollSettings
from polls.testing import (
    choice,
    default_poll,
    make_page,
    make_poll,
    render_widget,
)
from polls.voting.readers import reader_key
from polls.voting.services import record_vote


def soup(html):
    return BeautifulSoup(html, "html.parser")


class PollWidgetTests(TestCase):
    @classmethod
    def setUpTestData(cls):
        cls.poll = default_poll()
        cls.page = make_page("Leg numbness")

    def test_a_post_form_with_a_button_per_choice_in_a_labelled_region(self):
        html = soup(render_widget(self.page))
        region = html.select_one("section#poll")
        heading = html.find(id=region["aria-labelledby"])
        self.assertEqual(heading.get_text(), "Was this article helpful?")
        form = region.select_one("form[data-poll-vote]")
        self.assertEqual(form["method"], "post")
        self.assertEqual(form["action"], "/polls/vote/")
        buttons = form.select("button[name=choice]")
        self.assertEqual([b.get_text() for b in buttons], ["Yes", "No"])
        self.assertEqual(
            [int(b["value"]) for b in buttons],
            [choice(self.poll, "Yes").pk, choice(self.poll, "No").pk],
        )
        hidden = {i["name"]: i["value"] for i in form.select("input[type=hidden]")}
        self.assertEqual(hidden["page"], str(self.page.pk))

    def test_the_follow_up_form_is_hidden_until_a_negative_answer(self):
        form = soup(render_widget(self.page)).select_one("form[data-poll-follow-up]")
        self.assertTrue(form.has_attr("hidden"))
        no = choice(self.poll, "No")
        record_vote(page=self.page, choice=no, reader_key=reader_key("c" * 43))
        answered = soup(
            render_widget(
                self.page, f"answered={no.pk}", cookies={"poll_reader": "c" * 43}
            )
        )
        self.assertFalse(
            answered.select_one("form[data-poll-follow-up]").has_attr("hidden")
        )
        pressed = answered.select_one('button[aria-pressed="true"]')
        self.assertEqual(pressed.get_text(), "No")
        self.assertIn(
            "You answered “No”", answered.select_one("[role=status]").get_text()
        )

    def test_the_comment_box_asks_for_no_personal_details(self):
        html = soup(render_widget(self.page))
        textarea = html.select_one("textarea[name=comment]")
        # No maxlength: browsers cut pasted text silently; the server
        # refuses a longer text and keeps it instead.
        self.assertNotIn("maxlength", textarea.attrs)
        hint_id, counter_id = textarea["aria-describedby"].split()
        self.assertIn("do not include personal details", html.find(id=hint_id).text)
        self.assertEqual(
            html.find(id=counter_id).get_text(),
            "You can write up to 1,000 characters.",
        )

    def test_answers_from_another_poll_in_the_query_are_ignored(self):
        other = make_poll("Other")
        html = soup(render_widget(self.page, f"answered={choice(other, 'No').pk}"))
        self.assertEqual(html.select_one("[role=status]").get_text().strip(), "")

    def test_renders_nothing_without_an_active_poll(self):
        PollSettings.objects.update(default_poll=None)
        self.assertEqual(render_widget(self.page).strip(), "")
        closed = make_poll("Closed", is_active=False)
        self.assertEqual(render_widget(self.page, poll=closed).strip(), "")

    def test_a_chosen_poll_and_anchor(self):
        other = make_poll("Did this answer your question?")
        html = soup(render_widget(self.page, poll=other, anchor="poll-7"))
        self.assertEqual(html.select_one("section")["id"], "poll-7")
        self.assertEqual(html.find("h2").get_text(), "Did this answer your question?")
        ids = [tag["id"] for tag in html.select("[id]")]
        self.assertTrue(all(i.startswith("poll-7") for i in ids))
        self.assertEqual(len(ids), len(set(ids)))
