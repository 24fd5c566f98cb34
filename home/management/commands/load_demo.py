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

    def handle(self, *args, site_host, site_port, **options):
        with transaction.atomic():
            for line in load_demo(site_host=site_host, site_port=site_port):
                self.stdout.write(line)
