from django.test import RequestFactory, SimpleTestCase

from polls.voting.origin import is_same_origin


class SameOriginTests(SimpleTestCase):
    def request(self, secure=False, **headers):
        return RequestFactory().post("/polls/vote/", secure=secure, headers=headers)

    def test_origin_header_wins_over_the_others(self):
        request = self.request(
            origin="https://evil.example",
            sec_fetch_site="same-origin",
            referer="http://testserver/",
        )
        self.assertFalse(is_same_origin(request))

    def test_scheme_must_match_the_request(self):
        self.assertTrue(
            is_same_origin(self.request(secure=True, origin="https://testserver"))
        )
        self.assertFalse(
            is_same_origin(self.request(secure=True, origin="http://testserver"))
        )

    def test_a_port_is_part_of_the_origin(self):
        self.assertFalse(is_same_origin(self.request(origin="http://testserver:8080")))

    def test_malformed_headers_are_refused(self):
        for value in ["http://[::1", "not a url", "//testserver"]:
            with self.subTest(value):
                self.assertFalse(is_same_origin(self.request(origin=value)))
                self.assertFalse(is_same_origin(self.request(referer=value)))
