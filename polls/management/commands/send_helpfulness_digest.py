"""Weekly: mail editors what needs attention. Cron it like ``publish_scheduled``."""

import smtplib

from django.core.management.base import BaseCommand, CommandError

from polls.admin.digest_mail import message, previous_verdicts, recipients, send_digest
from polls.insight.digest import build_digest


class Command(BaseCommand):
    help = (
        "Mail the weekly helpfulness digest to every active user who may view "
        "poll results and has not opted out. A user gets at most one a week."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run",
            action="store_true",
            help="Print the mails instead of sending them; record nothing.",
        )

    def handle(self, *args, dry_run=False, **options):
        digest = build_digest()
        users = list(recipients(digest.week))
        if not users:
            self.stdout.write(
                f"Nothing to send for the week of {digest.week}: every active "
                "user with an email address who may view poll results has "
                "had it or has turned it off."
            )
            return
        if dry_run:
            for user in users:
                mail = message(digest, user, previous_verdicts(user))
                self.stdout.write(mail.message().as_string())
                self.stdout.write("-" * 72)
            self.stdout.write(f"Dry run: {len(users)} digest(s) not sent.")
            return
        try:
            sent = send_digest(digest, users)
        except (OSError, smtplib.SMTPException) as error:
            raise CommandError(
                f"Could not send the digest, nothing was marked as sent: {error}"
            ) from error
        self.stdout.write(f"Sent {sent} digest(s) for the week of {digest.week}.")
