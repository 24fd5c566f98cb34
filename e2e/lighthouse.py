"""Lighthouse (npm ``lighthouse``) on one URL, run as a subprocess."""

import json
import os
import subprocess

from e2e.browser import CHROMIUM, CHROMIUM_FLAGS
from e2e.tools import LIGHTHOUSE, artifact

CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def audit(url, preset, name=None):
    """Scores (0-100) per category for ``preset`` ("mobile" or "desktop").

    Also returns the scored audits that fell short, to explain a low score.
    The JSON and HTML reports are kept under test-artifacts/lighthouse/.
    """
    output = artifact("lighthouse", name or preset)
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
        raise RuntimeError(
            f"Lighthouse exited with {completed.returncode}: {completed.stderr[-2000:]}"
        )
    report = json.loads(output.with_suffix(".report.json").read_text())
    if report.get("runtimeError"):
        raise RuntimeError(
            f"Lighthouse could not audit {url}: {report['runtimeError']}"
        )
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
