"""What both POST endpoints share (polls.voting.views.protection): same origin only,
a body that reads as a form, robots answered but not counted, rate limits."""

from http import HTTPStatus
from unittest import mock

from django.conf import settings
from django.test import override_settings

from polls.models import Response
from polls.testing import (
    BROWSER,
    FOLLOW_UP_URL,
    JSON,
    SAME_ORIGIN,
    VOTE_URL,
    VoteTestCase,
)


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


class BallotStuffingTests(VoteTestCase):
    def setUp(self):
        super().setUp()
        # The limits count in fixed one-minute windows: a burst that straddled
        # a minute's end would start counting again. Hold the clock mid-window.
        clock = mock.patch("polls.voting.ratelimit.time.time", return_value=1_000_030)
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


class RequestShapeTests(VoteTestCase):
    def test_get_is_not_allowed(self):
        for url in [VOTE_URL, FOLLOW_UP_URL]:
            with self.subTest(url):
                response = self.client.get(url)
                self.assertEqual(response.status_code, HTTPStatus.METHOD_NOT_ALLOWED)
                self.assertEqual(response["Allow"], "POST")
                self.assertContains(response, "must be sent with POST", status_code=405)

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
