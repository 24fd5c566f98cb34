"""Imports go one way, and tests share builders, not each other.

The README's "Layout" says which package may import which: home → articles →
polls, and home and articles → core, which imports none of them (they tell it
what it needs through ``core.registry``); polls, reusable, imports no core.
This reads every module's imports (``ast``, so nothing is executed) and fails
on any that goes the wrong way. polls' own test
(``polls/tests/test_independence.py``) also checks polls names none of the
site's groups.
"""

import ast
from pathlib import Path

from django.conf import settings

ROOT = Path(settings.BASE_DIR)
APPS = ("core", "home", "articles", "polls")
PACKAGES = (*APPS, "config", "bench", "e2e", "testing")
# {package: packages of ours its code must not import}. Tests are exempt,
# except polls' own: core's and articles' tests run them on the site's pages.
MUST_NOT_IMPORT = {
    "core": {"home", "articles", "polls", "config"},
    "articles": {"home"},
    "polls": {"core", "home", "articles", "config", "testing"},
}


def imports(path):
    tree = ast.parse(path.read_text(), filename=str(path))
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            yield from (alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            yield node.module


def modules(package):
    return sorted((ROOT / package).rglob("*.py"))


def is_test_module(path):
    return "tests" in path.relative_to(ROOT).parts or path.parent.name == "e2e"


def test_code_imports_go_one_way():
    offenders = [
        f"{path.relative_to(ROOT)} imports {module}"
        for package, forbidden in MUST_NOT_IMPORT.items()
        for path in modules(package)
        if not is_test_module(path) or package == "polls"
        for module in imports(path)
        if module.split(".")[0] in forbidden
    ]
    assert offenders == []


def test_no_tests_import_another_packages_tests():
    offenders = [
        f"{path.relative_to(ROOT)} imports {module}"
        for package in PACKAGES
        for path in modules(package)
        for module in imports(path)
        if module.split(".")[0] in PACKAGES
        and module.split(".")[0] != package
        and ".tests" in f".{module}"
    ]
    assert offenders == []


def test_the_sites_code_never_imports_the_test_builders():
    offenders = [
        f"{path.relative_to(ROOT)} imports {module}"
        for package in (*APPS, "config")
        for path in modules(package)
        if not is_test_module(path)
        for module in imports(path)
        if module.split(".")[0] == "testing"
    ]
    assert offenders == []


def test_the_checks_see_imports(tmp_path):
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from home.tests.test_demo import load_demo\nimport testing.pages\n"
    )
    assert list(imports(sample)) == ["home.tests.test_demo", "testing.pages"]
