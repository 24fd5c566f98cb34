"""The weekly digest: who gets it, what it says, real SMTP, once a week."""

import datetime
import email
import io
import socket
from email import policy

from aiosmtpd.controller import Controller
from django.core import mail
from django.core.management import CommandError, call_command
from django.db.models import F
from django.test import RequestFactory, TestCase, override_settings
from django.urls import reverse
from django.utils import timezone
from wagtail.models import PageLogEntry

from polls.admin.account import DigestSettingsPanel
from polls.models import DigestPreference, DigestSent
from polls.testing import comment_on, make_page, make_user, plant, publish_edit

RESULTS = ["polls.view_results", "wagtailadmin.access_admin"]
SMTP = "django.core.mail.backends.smtp.EmailBackend"


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class Collect:
    """An aiosmtpd handler that keeps every message it is given."""

    def __init__(self):
        self.envelopes = []

    async def handle_DATA(self, server, session, envelope):
        self.envelopes.append(envelope)
        return "250 Message accepted"


class DigestTestCase(TestCase):
    def setUp(self):
        self.page = make_page("Numb legs")
        comment_on(self.page, "The stretches made it worse.")
        self.editor = make_user("editor", permissions=RESULTS)
        self.quiet = make_user("quiet", permissions=RESULTS)
        DigestPreference.objects.create(user=self.quiet, receive_digest=False)
        self.outsider = make_user("outsider", permissions=["wagtailadmin.access_admin"])
        self.gone = make_user("gone", permissions=RESULTS)
        self.gone.is_active = False
        self.gone.save()

    def send(self, *args):
        out = io.StringIO()
        call_command("send_helpfulness_digest", *args, stdout=out)
        return out.getvalue()


class WhoAndWhatTests(DigestTestCase):
    def test_only_permitted_active_users_who_did_not_opt_out(self):
        self.send()
        self.assertEqual([m.to for m in mail.outbox], [["editor@example.com"]])

    def test_twice_in_a_week_sends_nothing_the_second_time(self):
        self.send()
        output = self.send()
        self.assertEqual(len(mail.outbox), 1)
        self.assertIn("Nothing to send", output)
        self.assertEqual(DigestSent.objects.filter(user=self.editor).count(), 1)

    def test_plain_text_and_html_with_absolute_links(self):
        self.send()
        (message,) = mail.outbox
        url = "http://testserver" + reverse(
            "polls_admin:page_helpfulness", args=[self.page.pk]
        )
        self.assertIn("Numb legs", message.body)
        self.assertIn("1 negative comment to triage", message.body)
        self.assertIn(url, message.body)
        html, mimetype = message.alternatives[0]
        self.assertEqual(mimetype, "text/html")
        self.assertIn(f'href="{url}"', html)
        self.assertNotIn('href="/', html)

    def test_dry_run_prints_and_records_nothing(self):
        output = self.send("--dry-run")
        self.assertIn("To: editor@example.com", output)
        self.assertIn("Numb legs", output)
        self.assertEqual(mail.outbox, [])
        self.assertFalse(DigestSent.objects.exists())

    def test_the_opt_out_is_in_the_account_settings(self):
        self.client.force_login(self.editor)
        url = reverse("wagtailadmin_account")
        self.assertContains(self.client.get(url), "polls_digest-receive_digest")
        request = RequestFactory().post(url, {"polls_digest-receive_digest": ""})
        form = DigestSettingsPanel(request, self.editor, None).get_form()
        self.assertTrue(form.is_valid())
        form.save()
        self.assertFalse(DigestPreference.objects.get(user=self.editor).receive_digest)
        self.send()
        self.assertEqual(mail.outbox, [])


class RealSmtpTests(DigestTestCase):
    def test_delivered_over_smtp_to_a_real_server(self):
        handler = Collect()
        controller = Controller(handler, hostname="127.0.0.1", port=free_port())
        controller.start()
        try:
            with override_settings(
                EMAIL_BACKEND=SMTP,
                EMAIL_HOST="127.0.0.1",
                EMAIL_PORT=controller.port,
                EMAIL_USE_TLS=False,
                DEFAULT_FROM_EMAIL="digest@example.com",
            ):
                self.send()
        finally:
            controller.stop()
        (envelope,) = handler.envelopes
        self.assertEqual(envelope.rcpt_tos, ["editor@example.com"])
        message = email.message_from_bytes(envelope.content, policy=policy.default)
        self.assertEqual(message["From"], "digest@example.com")
        parts = [part.get_content_type() for part in message.walk()]
        self.assertIn("text/plain", parts)
        self.assertIn("text/html", parts)
        self.assertIn("http://testserver/admin/", envelope.content.decode())
        self.assertTrue(DigestSent.objects.filter(user=self.editor).exists())

    def test_unreachable_server_is_one_line_non_zero_and_nothing_marked(self):
        with override_settings(
            EMAIL_BACKEND=SMTP, EMAIL_HOST="127.0.0.1", EMAIL_PORT=free_port()
        ):
            with self.assertRaises(CommandError) as raised:
                self.send()
        self.assertIn("nothing was marked as sent", str(raised.exception))
        self.assertNotIn("\n", str(raised.exception))
        self.assertFalse(DigestSent.objects.exists())


class ChangedVerdictTests(DigestTestCase):
    def test_an_edit_is_listed_when_its_verdict_changes_not_again(self):
        today = timezone.localdate()
        edit_day = today - datetime.timedelta(days=30)
        PageLogEntry.objects.filter(page=self.page).update(
            timestamp=timezone.now() - datetime.timedelta(days=400)
        )
        publish_edit(self.page, edit_day)
        plant(self.page, edit_day - datetime.timedelta(days=3), 80, 120)
        plant(self.page, edit_day + datetime.timedelta(days=3), 120, 80)
        self.send()
        self.assertIn("More helpful since this edit", mail.outbox[0].body)
        # A week later, the same verdict is not news.
        DigestSent.objects.update(week=F("week") - datetime.timedelta(days=7))
        self.send()
        self.assertIn("No verdict changed since the last digest", mail.outbox[1].body)
