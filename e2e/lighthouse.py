"""Lighthouse (npm ``lighthouse``) on one URL, run as a subprocess."""

import json
import os
import subprocess

from e2e.browser import CHROMIUM, CHROMIUM_FLAGS
from e2e.tools import LIGHTHOUSE, artifact

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


# Lighthouse itself sometimes fails to record a trace on a busy machine
# ("NO_NAVSTART", "NO_FCP"): that is no score, so the audit runs again, up to
# this many times, before it counts as an error.
ATTEMPTS = 3


class LighthouseError(RuntimeError):
    """Lighthouse ran but could not audit the page."""


def audit(url, preset, name=None):
    """Scores (0-100) per category for ``preset`` ("mobile" or "desktop").

    Also returns the scored audits that fell short, to explain a low score.
    The JSON and HTML reports are kept under test-artifacts/lighthouse/.
    """
    for attempt in range(1, ATTEMPTS + 1):
        try:
            report = run(url, preset, name or preset)
        except LighthouseError:
            if attempt == ATTEMPTS:
                raise
        else:
            break
    scores = {
        name: round((report["categories"][name]["score"] or 0) * 100)
        for name in CATEGORIES
    }
    shortfalls = [
        f"{name}: {audit_id} {result['score']} {result.get('displayValue', '')}"
        for name in CATEGORIES
        for ref in report["categories"][name]["auditRefs"]
        if ref["weight"]
        for audit_id, result in [(ref["id"], report["audits"][ref["id"]])]
        if result["score"] is not None and result["score"] < 1
    ]
    return scores, shortfalls


def run(url, preset, name):
    """One Lighthouse run: its JSON report, or LighthouseError."""
    output = artifact("lighthouse", name)
    command = [
        str(LIGHTHOUSE),
        url,
        "--output=json",
        "--output=html",
        f"--output-path={output}",
        "--quiet",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=" + " ".join(["--headless=new", *CHROMIUM_FLAGS]),
    ]
    if preset == "desktop":
        command.append("--preset=desktop")
    completed = subprocess.run(
        command,
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        capture_output=True,
        text=True,
        timeout=300,
    )
    if completed.returncode:
        raise LighthouseError(
            f"Lighthouse exited with {completed.returncode}: {completed.stderr[-2000:]}"
        )
    report = json.loads(output.with_suffix(".report.json").read_text())
    if report.get("runtimeError"):
        raise LighthouseError(
            f"Lighthouse could not audit {url}: {report['runtimeError']}"
        )
    return report
