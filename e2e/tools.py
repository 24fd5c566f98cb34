"""Where the npm-installed checkers live (``make test`` runs ``npm ci``)."""

from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NODE_MODULES = ROOT / "node_modules"
ARTIFACTS = ROOT / "test-artifacts"

AXE_SCRIPT = NODE_MODULES / "axe-core" / "axe.min.js"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
LIGHTHOUSE = NODE_MODULES / ".bin" / "lighthouse"
NPM_TOOLS = (AXE_SCRIPT, VNU_JAR, LIGHTHOUSE)


def artifact(*parts):
    """A path under test-artifacts/ (git-ignored), its folder created."""
    path = ARTIFACTS.joinpath(*parts)
    path.parent.mkdir(parents=True, exist_ok=True)
    return path
