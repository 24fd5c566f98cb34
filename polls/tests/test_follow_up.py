"""The follow-up endpoint's plain answers: nothing the reader wrote is
lost, and nothing is stored until it is right."""

from http import HTTPStatus

from bs4 import BeautifulSoup
from django.test import override_settings
from wagtail.models import Site

from polls.models import DailyCount, PollSettings, Response
from polls.testing import VoteTestCase, render_widget

THUMBS_UP_MEDIUM = "👍🏽"  # two code points, one character to a reader
E_ACUTE = "e\u0301"  # e + combining acute accent, one character


def page(response):
    return BeautifulSoup(response.content, "html.parser")


class EmptyAndLongTests(VoteTestCase):
    def test_sending_nothing_asks_for_a_reason_or_a_comment(self):
        self.vote(self.no)
        reply = self.follow_up(js=True, comment="   ")
        self.assertEqual(reply.status_code, HTTPStatus.BAD_REQUEST)
        self.assertEqual(reply.json()["error"], "Tick a reason or write a comment.")
        self.assertEqual(reply.json()["problem"], "empty")
        html = page(self.follow_up())
        self.assertIn("Tick a reason or write a comment.", html.get_text())
        self.assertNotIn("Thank you", html.get_text())

    def test_a_comment_over_the_limit_is_refused_with_the_text_kept(self):
        self.vote(self.no)
        text = "word " * 200 + "over"  # 1,004 characters
        response = self.follow_up(comment=text, reasons=["other"])
        self.assertEqual(response.status_code, HTTPStatus.BAD_REQUEST)
        html = page(response)
        self.assertEqual(html.find("textarea").get_text(), text)  # not cut
        self.assertEqual(html.find("textarea")["aria-invalid"], "true")
        self.assertNotIn("maxlength", html.find("textarea").attrs)
        self.assertTrue(html.find("input", value="other").has_attr("checked"))
        message = html.select_one("[data-poll-problem-message]").get_text()
        self.assertTrue(message.startswith("Your comment is too long"), message)
        self.assertIn("You have 4 characters too many.", message)
        self.assertEqual(
            html.select_one("[data-poll-counter]").get_text(),
            "You have 4 characters too many.",
        )
        self.assertEqual(Response.objects.get().comment, "")

    def test_errors_have_no_field_name_in_front(self):
        self.vote(self.no)
        error = self.follow_up(js=True, comment="x" * 1001).json()["error"]
        self.assertFalse(error.startswith("comment"), error)

    def test_characters_are_counted_as_readers_see_them(self):
        for text, accepted in [
            (THUMBS_UP_MEDIUM * 1000, True),
            (E_ACUTE * 1000, True),
            ("\U0001f468\u200d\U0001f469\u200d\U0001f467" * 1000, True),
            (THUMBS_UP_MEDIUM * 1001, False),
        ]:
            with self.subTest(text=text[:4], length=len(text)):
                Response.objects.all().delete()
                self.vote(self.no)
                response = self.follow_up(js=True, comment=text)
                self.assertEqual(response.status_code == HTTPStatus.OK, accepted)
                self.assertEqual(Response.objects.get().comment == text, accepted)

    def test_a_flood_of_combining_marks_is_still_too_long(self):
        self.vote(self.no)
        response = self.follow_up(js=True, comment="a" + "\u0301" * 20_000)
        self.assertEqual(response.status_code, HTTPStatus.BAD_REQUEST)
        self.assertEqual(Response.objects.get().comment, "")


class PersonalDetailsTests(VoteTestCase):
    TEXT = "Call me on 07700 900123 or write to sam@example.com please"

    def test_the_reader_is_told_before_anything_is_stored(self):
        self.vote(self.no)
        reply = self.follow_up(js=True, comment=self.TEXT)
        self.assertEqual(reply.status_code, HTTPStatus.BAD_REQUEST)
        self.assertEqual(reply.json()["problem"], "personal")
        self.assertIn("email address or phone number", reply.json()["error"])
        self.assertEqual(Response.objects.get().comment, "")
        html = page(self.follow_up(comment=self.TEXT))
        self.assertEqual(html.find("textarea").get_text(), self.TEXT)
        self.assertIsNotNone(
            html.find("button", attrs={"name": "personal", "value": "remove"})
        )
        self.assertEqual(
            html.find("a", string="Edit my comment")["href"], "#poll-comment"
        )

    def test_send_without_them_removes_them(self):
        self.vote(self.no)
        reply = self.follow_up(js=True, comment=self.TEXT, personal="remove")
        self.assertEqual(reply.status_code, HTTPStatus.OK)
        stored = Response.objects.get()
        self.assertEqual(
            stored.comment, "Call me on [removed] or write to [removed] please"
        )
        self.assertFalse(stored.comment_flagged)

    def test_a_comment_edited_to_remove_them_is_stored(self):
        self.vote(self.no)
        reply = self.follow_up(js=True, comment="Please add a section on shoes")
        self.assertEqual(reply.status_code, HTTPStatus.OK)
        self.assertEqual(
            Response.objects.get().comment, "Please add a section on shoes"
        )


class AnswerChangedElsewhereTests(VoteTestCase):
    def test_reasons_from_a_tab_still_showing_no_say_what_happened(self):
        self.vote(self.no)
        self.vote(self.yes)  # in another window
        reply = self.follow_up(js=True, choice=self.no.pk, comment="Too short")
        self.assertEqual(reply.status_code, HTTPStatus.CONFLICT)
        body = reply.json()
        self.assertIn(
            "You changed your answer to “Yes” in another window", body["error"]
        )
        self.assertNotIn("negative", body["error"])
        self.assertEqual((body["problem"], body["answer"]["label"]), ("changed", "Yes"))
        stored = Response.objects.get()
        self.assertEqual((stored.choice, stored.comment), (self.yes, ""))

    def test_the_choice_is_offered_again_and_taking_it_sends_the_reasons(self):
        self.vote(self.no)
        self.vote(self.yes)
        html = page(self.follow_up(choice=self.no.pk, comment="Too short"))
        self.assertEqual(html.find("h1").get_text(), "Check your answer")
        offer = html.find("button", attrs={"name": "confirm"})
        self.assertEqual(offer.get_text(), "Answer “No” and send")
        self.assertIsNotNone(html.find("a", string="Keep my answer"))
        self.assertEqual(html.find("textarea").get_text(), "Too short")
        response = self.follow_up(
            choice=self.no.pk, confirm=offer["value"], comment="Too short"
        )
        self.assertEqual(response.status_code, HTTPStatus.SEE_OTHER)
        stored = Response.objects.get()
        self.assertEqual((stored.choice, stored.comment), (self.no, "Too short"))
        self.assertEqual(
            {(c.choice_id, c.count) for c in DailyCount.objects.all()},
            {(self.yes.pk, 0), (self.no.pk, 1)},
        )


class NoStoredAnswerTests(VoteTestCase):
    def test_a_follow_up_records_the_answer_it_was_written_for(self):
        # Cookies cleared after voting: the page still shows "No" and its form.
        response = self.follow_up(js=True, choice=self.no.pk, reasons=["other"])
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertEqual(response.json()["answer"]["label"], "No")
        stored = Response.objects.get()
        self.assertEqual((stored.choice, stored.reasons), (self.no, ["other"]))
        self.assertEqual(DailyCount.objects.get().count, 1)

    def test_without_its_answer_it_asks_for_it_in_one_step(self):
        response = self.follow_up(reasons=["other"])
        self.assertEqual(response.status_code, HTTPStatus.CONFLICT)
        html = page(response)
        self.assertIn("We have no answer from you", html.get_text())
        offer = html.find("button", attrs={"name": "confirm"})
        self.assertIsNone(html.find("a", string="Keep my answer", hidden=False))
        self.assertFalse(Response.objects.exists())
        self.follow_up(confirm=offer["value"], reasons=["other"])
        self.assertEqual(Response.objects.get().choice, self.no)

    def test_a_positive_choice_cannot_carry_reasons(self):
        response = self.follow_up(js=True, choice=self.yes.pk, comment="Great")
        self.assertEqual(response.status_code, HTTPStatus.BAD_REQUEST)
        self.assertFalse(Response.objects.exists())


class CommentBoxWordsTests(VoteTestCase):
    def test_above_the_box_readers_are_told_comments_are_not_answered(self):
        html = BeautifulSoup(render_widget(self.page), "html.parser")
        box = html.find("textarea")
        help_text = html.select_one(".poll__help")
        self.assertIn("We do not reply to comments", help_text.get_text())
        for number in ["GP", "111", "999"]:
            self.assertIn(number, help_text.get_text())
        self.assertIn(help_text, box.find_all_previous(class_="poll__help"))
        self.assertIn("up to 1,000 characters", html.get_text())

    def test_the_help_is_a_site_setting(self):
        settings = PollSettings.for_site(Site.objects.get(is_default_site=True))
        settings.comment_help = "<p>Nobody answers here. Ring 112.</p>"
        settings.save()
        html = render_widget(self.page)
        self.assertIn("Ring 112", html)
        self.assertNotIn("999", html)

    def test_we_read_every_comment_only_when_someone_does(self):
        self.vote(self.no)
        reply = self.follow_up(js=True, comment="Hm")
        self.assertEqual(reply.json()["message"], "Thank you for telling us more.")
        settings = PollSettings.for_site(Site.objects.get(is_default_site=True))
        settings.comments_are_read = True
        settings.save()
        reply = self.follow_up(js=True, comment="Hm")
        self.assertEqual(
            reply.json()["message"],
            "Thank you for telling us more. We read every comment.",
        )

    @override_settings(POLLS_RATE_LIMITS={"reader": (100, 60), "network": (100, 60)})
    def test_the_check_page_is_never_cached(self):
        self.vote(self.no)
        response = self.follow_up()
        self.assertIn("no-store", response["Cache-Control"])
