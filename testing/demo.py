"""The demo site, as ``make run`` builds it, for tests that read real pages."""

from io import StringIO

from django.core.management import call_command

from home.demo import DEMO_CONTENT

# The demo's first article: its text file, and its page once loaded.
SEED = DEMO_CONTENT / "why-does-my-leg-go-numb-when-i-run.txt"
SEED_URL = f"/articles/{SEED.stem}/"


def load_demo():
    """Run ``load_demo`` for the test client's host; returns what it printed."""
    out = StringIO()
    call_command("load_demo", "--site-host", "testserver", stdout=out)
    return out.getvalue()
