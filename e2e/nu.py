"""The Nu HTML Checker (vnu.jar from npm's vnu-jar), run with this machine's Java."""

import json
import subprocess
import tempfile
from pathlib import Path

from e2e.tools import VNU_JAR


def errors(documents):
    """``{name: html}`` in, ``{name: [error, ...]}`` out (names with none left out).

    One Java start for every document: the checker takes a few seconds to
    start and milliseconds per page.
    """
    with tempfile.TemporaryDirectory(prefix="vnu-") as folder:
        files = {}
        for name, html in documents.items():
            path = Path(folder) / f"{len(files)}.html"
            path.write_text(html, encoding="utf-8")
            files[path.name] = name
        completed = subprocess.run(
            ["java", "-jar", str(VNU_JAR), "--format", "json", "--errors-only"]
            + ["--stdout", *(str(Path(folder) / file) for file in files)],
            capture_output=True,
            text=True,
            timeout=300,
        )
    if completed.returncode not in (0, 1) or not completed.stdout.strip():
        raise RuntimeError(f"vnu.jar failed: {completed.stderr or completed.stdout}")
    found = {}
    for message in json.loads(completed.stdout)["messages"]:
        name = files.get(message.get("url", "").rsplit("/", 1)[-1], "?")
        found.setdefault(name, []).append(
            f"line {message.get('lastLine', '?')}: {message['message']} "
            f"[{message.get('extract', '').strip()}]"
        )
    return found
