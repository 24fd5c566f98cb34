from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo import load_demo


class Command(BaseCommand):
    help = (
        "Build Home → Articles → the demo article and publish them. Safe to run again."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--site-host", help="host name of the default site, e.g. 127.0.0.1"
        )
        parser.add_argument(
            "--site-port", type=int, help="port of the default site, e.g. 8000"
        )

        parser.add_argument(
            "--demo-feedback",
            action="store_true",
            help=(
                "also add demo answers around a demo edit of the seed article "
                "(remove them with remove_demo_feedback)"
            ),
        )

    def handle(self, *args, site_host, site_port, demo_feedback, **options):
        with transaction.atomic():
            lines = load_demo(
                site_host=site_host, site_port=site_port, feedback=demo_feedback
            )
            for line in lines:
                self.stdout.write(line)
