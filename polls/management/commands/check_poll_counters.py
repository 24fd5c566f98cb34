"""Compare every poll counter with a recount of the responses; ``--fix`` rebuilds."""

from django.core.management.base import BaseCommand, CommandError

from polls import tally


class Command(BaseCommand):
    help = (
        "Compare the counters the reports read with a recount of the responses "
        "and print every difference. With --fix, rebuild them from the recount."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--fix",
            action="store_true",
            help="Rebuild every counter from the responses (while no votes arrive).",
        )

    def handle(self, *args, fix=False, **options):
        found = tally.differences()
        for table, key, stored, expected in found:
            self.stdout.write(
                f"{table} {_describe(table, key)}: stored {_value(stored)}, "
                f"recount {_value(expected)}"
            )
        if not found:
            self.stdout.write("The counters equal a recount of the responses.")
            return
        if not fix:
            raise CommandError(
                f"{len(found)} counter(s) differ from the responses; "
                "run with --fix to rebuild them."
            )
        written = tally.rebuild()
        left = tally.differences()
        if left:
            raise CommandError(
                f"{len(left)} counter(s) still differ after the rebuild."
            )
        self.stdout.write(f"Rebuilt: {written} daily counters, no differences left.")


KEYS = {
    "site daily count": ("poll", "choice", "day"),
    "reason count": ("page", "poll", "day", "reason"),
}


def _describe(table, key):
    names = KEYS.get(table, ("page", "poll", "choice", "day"))
    return ", ".join(f"{name} {value}" for name, value in zip(names, key, strict=False))


def _value(value):
    """A daily count, or a page total's (total, last day)."""
    if value is None:
        return "nothing"
    if isinstance(value, tuple):
        total, last = value
        return f"{total} in all, last on {last}"
    return str(value)
