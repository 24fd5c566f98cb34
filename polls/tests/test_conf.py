from django.test import SimpleTestCase, override_settings

from polls import conf


class ConfTests(SimpleTestCase):
    def test_a_setting_left_out_reads_its_default(self):
        self.assertEqual(conf.get("POLLS_READER_COOKIE"), "poll_reader")

    def test_a_changed_setting_is_read_again(self):
        self.assertEqual(conf.get("POLLS_READER_COOKIE"), "poll_reader")
        with override_settings(POLLS_READER_COOKIE="reader"):
            self.assertEqual(conf.get("POLLS_READER_COOKIE"), "reader")
        self.assertEqual(conf.get("POLLS_READER_COOKIE"), "poll_reader")
