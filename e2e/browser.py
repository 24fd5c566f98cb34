"""Debian's Chromium for the browser tests, and what pages say in its console."""

import re

CHROMIUM = "/usr/bin/chromium"
# No GPU (CI machines have none), no background traffic, no first-run screens;
# no sandbox because CI runs as root in a container.
CHROMIUM_FLAGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
CSP_VIOLATION = "Content Security Policy"


class ConsoleWatch:
    """Collects what must fail a test from every page of the contexts it watches.

    That is any Content-Security-Policy violation, any uncaught exception and
    any other console error, unless the test said it expects that error (a 404
    page logs that it failed to load). A CSP violation is never expected.
    """

    def __init__(self):
        self.problems = []
        self.expected = []

    def watch(self, context):
        context.on("console", self.on_console)
        context.on("weberror", self.on_uncaught)

    def expect(self, pattern):
        self.expected.append(re.compile(pattern))

    def on_console(self, message):
        if message.type != "error":
            return
        text = message.text
        is_expected = any(pattern.search(text) for pattern in self.expected)
        if CSP_VIOLATION in text or not is_expected:
            self.problems.append(f"{message.location.get('url', '?')}: {text}")

    def on_uncaught(self, web_error):
        self.problems.append(f"uncaught exception: {web_error.error}")

    def take_report(self):
        """What went wrong since the last call, as text ("" if nothing)."""
        report, self.problems = "\n".join(self.problems), []
        return report
