"""
The demo app is optional: DEMO (on by default with DEBUG) installs it, so a
production site has no seed_demo command unless its operator asks for one.
And it is the only app that reaches across the others: articles imports
neither it nor comments.

The settings tests run manage.py in a fresh process with only the environment
they name, because settings are read once, at start-up.
"""

import ast
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings

PRODUCTION = {"SECRET_KEY": "demo-setting-test", "ALLOWED_HOSTS": "news.example.org"}


def help_for_seed_demo(tmp_path, **environment: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "help", "seed_demo"],
        cwd=settings.BASE_DIR,
        env={
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "HOME": str(tmp_path),
            "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        }
        | environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.slow
def test_with_demo_off_there_is_no_seed_demo_command(tmp_path):
    result = help_for_seed_demo(tmp_path, DEBUG="false", DEMO="false", **PRODUCTION)

    assert result.returncode != 0
    assert "Unknown command: 'seed_demo'" in result.stderr


@pytest.mark.slow
def test_production_leaves_the_demo_out_by_default(tmp_path):
    result = help_for_seed_demo(tmp_path, **PRODUCTION)

    assert result.returncode != 0
    assert "Unknown command: 'seed_demo'" in result.stderr


@pytest.mark.slow
def test_debug_brings_the_demo_in(tmp_path):
    result = help_for_seed_demo(tmp_path, DEBUG="true")

    assert result.returncode == 0, result.stderr
    assert "manage.py seed_demo" in result.stdout


@pytest.mark.slow
def test_an_operator_may_turn_the_demo_on_in_production(tmp_path):
    result = help_for_seed_demo(tmp_path, DEBUG="false", DEMO="true", **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "manage.py seed_demo" in result.stdout


def imported_modules(package: Path) -> set[str]:
    """The top-level name of every module that the package's Python files import."""
    names = set()
    for source in package.rglob("*.py"):
        for node in ast.walk(ast.parse(source.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                names.update(alias.name.split(".")[0] for alias in node.names)
            elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names.add(node.module.split(".")[0])
    return names


def test_articles_imports_neither_the_demo_nor_comments():
    imported = imported_modules(Path(settings.BASE_DIR) / "articles")

    assert "articles" in imported and "django" in imported
    assert not imported & {"demo", "comments"}
