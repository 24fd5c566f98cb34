import datetime

from django.core.management.base import BaseCommand, CommandError

from polls.admin.triage import delete_old_comments

MAX_DAYS = 36_500  # a century: beyond that the cutoff date would not exist


class Command(BaseCommand):
    help = (
        "Data retention: blank readers' follow-up comments last changed more than "
        "--days days ago. Answers and reasons stay, so reports do not change."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            required=True,
            help="Delete comments older than this many days (1 to 36500), e.g. 365.",
        )

    def handle(self, *args, days, **options):
        if not 1 <= days <= MAX_DAYS:
            raise CommandError(f"--days must be between 1 and {MAX_DAYS}, not {days}.")
        deleted = delete_old_comments(datetime.timedelta(days=days))
        noun = "comment" if deleted == 1 else "comments"
        self.stdout.write(
            self.style.SUCCESS(
                f"Deleted {deleted} {noun} last changed more than {days} days ago."
            )
        )
