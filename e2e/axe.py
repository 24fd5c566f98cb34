"""axe-core, run inside the page as it is now."""

from e2e.tools import AXE_SCRIPT

# WCAG 2.0, 2.1 and 2.2, levels A and AA.
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"]
# Our own pages also keep axe's best practices (landmarks, one h1, ...).
PUBLIC_TAGS = [*WCAG_TAGS, "best-practice"]

RUN = """tags => axe.run(document, {
    runOnly: {type: "tag", values: tags},
    resultTypes: ["violations"],
})"""


def violations(page, tags=WCAG_TAGS):
    """What axe finds wrong on ``page``, one readable line per rule broken.

    The script goes in through DevTools, not a <script> element, so the
    page's Content-Security-Policy neither blocks it nor reports it.
    """
    if not page.evaluate("() => Boolean(window.axe)"):
        page.evaluate(AXE_SCRIPT.read_text())
    result = page.evaluate(RUN, tags)
    return [
        f"{rule['id']} ({rule['impact']}): {rule['help']} - "
        + "; ".join(str(node["target"]) for node in rule["nodes"][:5])
        for rule in result["violations"]
    ]
