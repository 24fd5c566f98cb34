"""polls is reusable: it may know Wagtail's Page, never this site's apps."""

import ast
from pathlib import Path

import polls

FORBIDDEN = ("articles", "home", "config")


def imported_modules(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def test_no_module_in_polls_imports_the_site():
    root = Path(polls.__file__).parent
    offenders = [
        f"{path.relative_to(root)} imports {module}"
        for path in root.rglob("*.py")
        for module in imported_modules(path)
        if module.split(".")[0] in FORBIDDEN
    ]
    assert offenders == []


def test_the_check_sees_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text("from articles.models import ArticlePage\nimport home.demo\n")
    assert list(imported_modules(sample)) == ["articles.models", "home.demo"]
