"""The demo site, as ``make run`` builds it, for tests that read real pages."""

from io import StringIO

from django.core.management import call_command

SEED_URL = "/articles/why-does-my-leg-go-numb-when-i-run/"


def load_demo():
    """Run ``load_demo`` for the test client's host; returns what it printed."""
    out = StringIO()
    call_command("load_demo", "--site-host", "testserver", stdout=out)
    return out.getvalue()
