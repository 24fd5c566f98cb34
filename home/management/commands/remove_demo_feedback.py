from django.core.management.base import BaseCommand
from django.db import transaction

from home.demo_feedback import remove_demo_feedback


class Command(BaseCommand):
    help = "Delete the demo answers and the demo edit that load_demo added."

    def handle(self, *args, **options):
        with transaction.atomic():
            answers, edits = remove_demo_feedback()
        self.stdout.write(f"Deleted {answers} demo answer(s) and {edits} demo edit(s).")
