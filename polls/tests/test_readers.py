from django.test import RequestFactory, SimpleTestCase, override_settings

from polls.voting.readers import network_key, reader_cookie, reader_key


class ReaderTests(SimpleTestCase):
    def test_a_new_reader_gets_a_random_cookie(self):
        request = RequestFactory().get("/")
        first, is_new = reader_cookie(request)
        self.assertTrue(is_new)
        self.assertNotEqual(first, reader_cookie(request)[0])

    def test_a_tampered_cookie_is_replaced(self):
        request = RequestFactory().get("/")
        request.COOKIES["poll_reader"] = "<script>"
        value, is_new = reader_cookie(request)
        self.assertTrue(is_new)
        self.assertNotEqual(value, "<script>")

    def test_the_stored_key_is_an_hmac_not_the_cookie(self):
        key = reader_key("a" * 43)
        self.assertEqual(len(key), 64)
        self.assertNotIn("a" * 43, key)
        self.assertEqual(key, reader_key("a" * 43))
        with override_settings(SECRET_KEY="another secret"):
            self.assertNotEqual(key, reader_key("a" * 43))

    def test_addresses_in_one_network_share_a_key(self):
        def key(address):
            return network_key(RequestFactory().get("/", REMOTE_ADDR=address))

        self.assertEqual(key("203.0.113.5"), key("203.0.113.200"))
        self.assertNotEqual(key("203.0.113.5"), key("203.0.114.5"))
        self.assertEqual(key("2001:db8:1:2::1"), key("2001:db8:1:2:ffff::9"))
        self.assertNotIn("203.0.113", key("203.0.113.5"))
        self.assertEqual(key("garbage"), key(""))
