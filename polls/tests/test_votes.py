"""The public vote and follow-up endpoints, with and without JavaScript."""

from http import HTTPStatus
from unittest import mock

from django.conf import settings
from django.test import override_settings
from django.urls import reverse

from polls.models import Response
from polls.testing import (
    BROWSER,
    FOLLOW_UP_URL,
    JSON,
    SAME_ORIGIN,
    VOTE_URL,
    VoteTestCase,
    choice,
    make_page,
    make_poll,
    render_widget,
)


class WithoutJavaScriptTests(VoteTestCase):
    def test_a_vote_is_stored_and_redirects_back_to_the_poll(self):
        response = self.vote(self.yes)
        self.assertEqual(response.status_code, HTTPStatus.SEE_OTHER)
        self.assertEqual(
            response["Location"], f"{self.page.url}?answered={self.yes.pk}#poll"
        )
        self.assertEqual(Response.objects.get().choice, self.yes)

    def test_the_reader_cookie_is_first_party_lax_and_http_only(self):
        cookie = self.vote().cookies["poll_reader"]
        self.assertEqual(cookie["samesite"], "Lax")
        self.assertTrue(cookie["httponly"])
        self.assertEqual(cookie["path"], "/")
        self.assertNotEqual(Response.objects.get().reader_key, cookie.value)

    def test_answering_again_changes_the_one_answer(self):
        self.vote(self.yes)
        self.vote(self.no)
        self.assertEqual(Response.objects.get().choice, self.no)

    def test_the_block_anchor_is_kept_in_the_redirect(self):
        response = self.vote(anchor="poll-12")
        self.assertTrue(response["Location"].endswith("#poll-12"))

    def reader_cookie(self):
        return {"poll_reader": self.client.cookies["poll_reader"].value}

    def test_a_negative_answer_leads_to_the_follow_up_form(self):
        location = self.vote(self.no)["Location"]
        query = location.split("?")[1].split("#")[0]
        html = render_widget(self.page, query, cookies=self.reader_cookie())
        self.assertIn("You answered “No”", html)
        self.assertIn("data-poll-follow-up>", html)  # rendered without `hidden`

    def test_follow_up_is_stored_and_redirects_with_thanks(self):
        self.vote(self.no)
        response = self.follow_up(reasons=["inaccurate", "other"], comment="Old advice")
        self.assertEqual(response.status_code, HTTPStatus.SEE_OTHER)
        self.assertIn("follow_up=sent", response["Location"])
        stored = Response.objects.get()
        self.assertEqual(
            (stored.reasons, stored.comment), (["inaccurate", "other"], "Old advice")
        )
        query = response["Location"].split("?")[1].split("#")[0]
        html = render_widget(self.page, query, cookies=self.reader_cookie())
        self.assertIn("Thank you for telling us more", html)


class WithJavaScriptTests(VoteTestCase):
    def test_a_vote_answers_in_json(self):
        response = self.vote(self.no, js=True)
        self.assertEqual(response.status_code, HTTPStatus.OK)
        body = response.json()
        self.assertEqual(body["answer"]["label"], "No")
        self.assertTrue(body["follow_up"])
        self.assertEqual(response["Cache-Control"], "no-store")

    def test_the_readers_answer_is_kept_and_reported_back(self):
        answer_url = reverse("polls:reader_answer")
        query = {"page": self.page.pk, "poll": self.poll.pk}
        self.assertEqual(self.client.get(answer_url, query).json(), {"answer": None})
        self.vote(self.no, js=True)
        self.follow_up(js=True, comment="Too long")
        reply = self.client.get(answer_url, query)
        self.assertEqual(reply.json()["answer"]["label"], "No")
        self.assertTrue(reply.json()["follow_up_sent"])
        self.assertIn("private", reply["Cache-Control"])
        self.assertIn("Cookie", reply["Vary"])

    def test_another_reader_does_not_see_my_answer(self):
        self.vote(self.no, js=True)
        self.client.cookies.clear()
        reply = self.client.get(
            reverse("polls:reader_answer"), {"page": self.page.pk, "poll": self.poll.pk}
        )
        self.assertEqual(reply.json(), {"answer": None})

    def test_follow_up_answers_in_json(self):
        self.vote(self.no, js=True)
        response = self.follow_up(js=True, reasons=["hard_to_understand"])
        self.assertEqual(response.status_code, HTTPStatus.OK)
        self.assertIn("Thank you", response.json()["message"])


class CrossSiteTests(VoteTestCase):
    def test_only_same_origin_posts_are_accepted(self):
        cases = {
            "another origin": ({"HTTP_ORIGIN": "https://evil.example"}, 403),
            "opaque origin": ({"HTTP_ORIGIN": "null"}, 403),
            "same host, other scheme": ({"HTTP_ORIGIN": "https://testserver"}, 403),
            "no origin, same-site fetch": ({"HTTP_SEC_FETCH_SITE": "same-site"}, 403),
            "no origin, cross-site fetch": ({"HTTP_SEC_FETCH_SITE": "cross-site"}, 403),
            "no origin, other referer": (
                {"HTTP_REFERER": "https://evil.example/x"},
                403,
            ),
            "no headers at all": ({}, 403),
            "no origin, same-origin fetch": (
                {"HTTP_SEC_FETCH_SITE": "same-origin"},
                303,
            ),
            "no origin, own referer": ({"HTTP_REFERER": "http://testserver/a/"}, 303),
        }
        for name, (headers, status) in cases.items():
            with self.subTest(name):
                Response.objects.all().delete()
                response = self.vote(headers={"HTTP_USER_AGENT": BROWSER, **headers})
                self.assertEqual(response.status_code, status)
                self.assertEqual(Response.objects.exists(), status == 303)

    def test_refusal_explains_itself(self):
        response = self.vote(js=True, headers={"HTTP_ORIGIN": "https://evil.example"})
        self.assertIn("did not come from this site", response.json()["error"])
        self.assertNothingStored()

    @override_settings(CSRF_TRUSTED_ORIGINS=["https://health.example"])
    def test_trusted_origins_are_accepted(self):
        response = self.vote(
            headers={**SAME_ORIGIN, "HTTP_ORIGIN": "https://health.example"}
        )
        self.assertEqual(response.status_code, HTTPStatus.SEE_OTHER)


class BadInputTests(VoteTestCase):
    def test_get_is_not_allowed(self):
        for url in [VOTE_URL, FOLLOW_UP_URL]:
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, HTTPStatus.METHOD_NOT_ALLOWED)
                self.assertEqual(response["Allow"], "POST")
                self.assertContains(response, "must be sent with POST", status_code=405)

    def test_each_bad_vote_gets_a_clear_4xx_and_writes_nothing(self):
        other_poll = make_poll("Another poll")
        closed = make_poll("Closed", is_active=False)
        draft = make_page("Draft", live=False)
        cases = {
            "page missing": ({"page": ""}, 400, "page"),
            "page not a number": ({"page": "abc"}, 400, "page"),
            "page unknown": ({"page": 999999}, 404, "does not exist"),
            "page unpublished": ({"page": draft.pk}, 404, "not published"),
            "poll unknown": ({"poll": 999999}, 404, "poll does not exist"),
            "poll closed": (
                {"poll": closed.pk, "choice": choice(closed, "Yes").pk},
                400,
                "closed",
            ),
            "choice of another poll": (
                {"choice": choice(other_poll, "Yes").pk},
                400,
                "does not belong",
            ),
            "choice unknown": ({"choice": 999999}, 400, "does not belong"),
            "choice negative": ({"choice": -1}, 400, "choice"),
            "huge id": ({"page": 10**30}, 400, "page"),
            "bad anchor": ({"anchor": "javascript:alert(1)"}, 400, "anchor"),
        }
        for name, (data, status, words) in cases.items():
            with self.subTest(name):
                response = self.vote(js=True, **data)
                self.assertEqual(response.status_code, status)
                self.assertIn(words, response.json()["error"])
        self.assertNothingStored()

    def test_html_refusals_for_browsers_without_javascript(self):
        response = self.vote(page=999999)
        self.assertEqual(response.status_code, HTTPStatus.NOT_FOUND)
        self.assertContains(response, "Your answer was not saved", status_code=404)

    def test_a_json_body_is_refused_as_malformed(self):
        response = self.client.post(
            VOTE_URL,
            '{"page": 1}',
            content_type="application/json",
            **SAME_ORIGIN,
            **JSON,
        )
        self.assertEqual(response.status_code, HTTPStatus.BAD_REQUEST)
        self.assertNothingStored()

    @override_settings(DATA_UPLOAD_MAX_MEMORY_SIZE=1000)
    def test_bodies_that_cannot_be_read_as_a_form_get_400(self):
        fields = f"page={self.page.pk}&poll={self.poll.pk}&choice={self.yes.pk}"
        cases = {
            "multipart without a boundary": (fields, "multipart/form-data"),
            "form in UTF-16": (
                fields.encode("utf-16"),
                "application/x-www-form-urlencoded; charset=utf-16",
            ),
            "too big": (
                fields + "&x=" + "y" * 1000,
                "application/x-www-form-urlencoded",
            ),
            "too many fields": (
                fields + "&x=1" * 10_001,
                "application/x-www-form-urlencoded",
            ),
        }
        for name, (body, content_type) in cases.items():
            with self.subTest(name):
                response = self.client.generic(
                    "POST",
                    VOTE_URL,
                    body,
                    content_type=content_type,
                    **SAME_ORIGIN,
                    **JSON,
                )
                self.assertEqual(response.status_code, HTTPStatus.BAD_REQUEST)
                self.assertIn("could not be read", response.json()["error"])
        self.assertNothingStored()

    def test_bad_follow_ups_get_a_clear_4xx_and_change_nothing(self):
        cases = {
            "before answering": ({"comment": "Hm"}, 409, "no answer from you"),
            "comment over the limit": ({"comment": "x" * 1001}, 400, "too long"),
            "unknown reason": ({"reasons": ["bribery"]}, 400, "not one of the"),
            "null byte": ({"comment": "a\x00b"}, 400, "Null characters"),
        }
        for name, (data, status, words) in cases.items():
            with self.subTest(name):
                if name != "before answering":
                    self.vote(self.no)
                response = self.follow_up(js=True, **data)
                self.assertEqual(response.status_code, status)
                self.assertIn(words, response.json()["error"])
        self.assertEqual(Response.objects.filter(comment__gt="").count(), 0)
        self.assertFalse(Response.objects.exclude(reasons=[]).exists())

    def test_a_follow_up_after_a_positive_answer_is_refused(self):
        self.vote(self.yes)
        response = self.follow_up(js=True, comment="Great")
        self.assertEqual(response.status_code, HTTPStatus.CONFLICT)
        self.assertEqual(Response.objects.get().comment, "")

    def test_the_reader_answer_endpoint_needs_ids(self):
        response = self.client.get(reverse("polls:reader_answer"), {"page": "x"})
        self.assertEqual(response.status_code, HTTPStatus.BAD_REQUEST)


class BallotStuffingTests(VoteTestCase):
    def setUp(self):
        super().setUp()
        # The limits count in fixed one-minute windows: a burst that straddled
        # a minute's end would start counting again. Hold the clock mid-window.
        clock = mock.patch("polls.ratelimit.time.time", return_value=1_000_030)
        clock.start()
        self.addCleanup(clock.stop)

    def test_a_filled_honeypot_gets_the_normal_thanks_and_is_not_stored(self):
        response = self.vote(website="http://spam.example")
        self.assertEqual(response.status_code, HTTPStatus.SEE_OTHER)
        self.assertEqual(
            response["Location"], f"{self.page.url}?answered={self.yes.pk}#poll"
        )
        json_response = self.vote(js=True, website="x")
        self.assertEqual(
            json_response.json()["message"], "Thank you for your feedback."
        )
        self.assertNothingStored()

    def test_a_robots_anchor_is_not_trusted(self):
        # Decoys skip validation: a 16,000-character anchor once made the
        # redirect too long for Django, a bare 400 instead of the thanks.
        for anchor in ["x" * 16_000, "poll-1\r\nSet-Cookie: a=b", " poll-12 "]:
            with self.subTest(anchor=anchor[:20]):
                response = self.vote(
                    anchor=anchor,
                    headers={**SAME_ORIGIN, "HTTP_USER_AGENT": "Googlebot/2.1"},
                )
                self.assertEqual(response.status_code, HTTPStatus.SEE_OTHER)
                fragment = response["Location"].split("#")[1]
                self.assertEqual(fragment, "poll-12" if "12" in anchor else "poll")
        self.assertNothingStored()

    def test_robots_are_answered_but_not_counted(self):
        for agent in [
            "Googlebot/2.1",
            "curl/8.5.0",
            "AhrefsBot",
            "",
            "python-scrapy/2",
        ]:
            with self.subTest(agent=agent):
                response = self.vote(headers={**SAME_ORIGIN, "HTTP_USER_AGENT": agent})
                self.assertEqual(response.status_code, HTTPStatus.SEE_OTHER)
        self.assertNothingStored()

    def test_the_sites_own_limit_cuts_a_burst_off(self):
        # No override: the limit config/settings reads from the environment
        # (10 a minute unless POLLS_RATE_LIMIT_READER says otherwise).
        limit, _ = settings.POLLS_RATE_LIMITS["reader"]
        self.assertLessEqual(limit, 60, "a reader's limit is meant for people")
        statuses = [self.vote(js=True).status_code for _ in range(limit + 2)]
        self.assertEqual(statuses, [200] * limit + [429] * 2)

    @override_settings(POLLS_RATE_LIMITS={"reader": (3, 60), "network": (100, 60)})
    def test_one_reader_bursting_is_cut_off_with_429(self):
        statuses = [self.vote(answer).status_code for answer in [self.yes, self.no] * 3]
        self.assertEqual(statuses[:3], [303, 303, 303])
        self.assertEqual(set(statuses[3:]), {429})
        last = self.vote(js=True)
        self.assertIn("wait a minute", last.json()["error"])
        self.assertTrue(0 < int(last["Retry-After"]) <= 60)
        self.assertEqual(Response.objects.get().choice, self.yes)

    @override_settings(POLLS_RATE_LIMITS={"reader": (10, 60), "network": (4, 60)})
    def test_one_network_bursting_is_cut_off_with_429(self):
        statuses = []
        for n in range(6):
            self.client.cookies.clear()  # a new reader each time
            statuses.append(self.vote(address=f"203.0.113.{n + 1}").status_code)
        self.assertEqual(statuses, [303] * 4 + [429] * 2)
        self.client.cookies.clear()
        other_network = self.vote(address="198.51.100.7")
        self.assertEqual(other_network.status_code, HTTPStatus.SEE_OTHER)
        self.assertEqual(Response.objects.count(), 5)


class CacheablePageTests(VoteTestCase):
    def test_the_widget_is_the_same_for_every_anonymous_reader(self):
        before = render_widget(self.page)
        cookie = self.vote(self.no).cookies["poll_reader"].value
        after = render_widget(self.page, cookies={"poll_reader": cookie})
        self.assertEqual(before, after)
        self.assertNotIn("csrfmiddlewaretoken", after)


class QueryBudgetTests(VoteTestCase):
    def test_a_first_vote_and_a_changed_vote_cost_a_fixed_number_of_queries(self):
        for answer in [self.yes, self.no]:  # warm the site cache and counters
            self.vote(answer, js=True, headers={**SAME_ORIGIN, "HTTP_COOKIE": ""})
            self.client.cookies.clear()
        # page, choice with its poll, the insert (no savepoint), three counters
        # (the page's day and total, the site's day), BEGIN and COMMIT
        with self.assertNumQueries(8):
            self.vote(self.yes, js=True)
        # ... the insert does nothing, the locked read, six counters, the
        # last day answered of the count that left, the update
        with self.assertNumQueries(14):
            self.vote(self.no, js=True)
