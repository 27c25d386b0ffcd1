"""
The gates `make test` runs before the suite (Makefile: bandit, deploy-check,
migrations-check) pass on the project as it is and fail when they should: a
weakened production setting fails Django's deployment check, and an
unexplained mark_safe fails bandit.
"""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
BANDIT = Path(sys.executable).parent / "bandit"

pytestmark = pytest.mark.slow


def production_environment(**changes: str) -> dict[str, str]:
    """deploy/env.example as the servers read it, with a real secret key in place of its placeholder."""
    environment = {"PATH": os.environ["PATH"], "HOME": os.environ.get("HOME", "/")}
    for line in (PROJECT / "deploy" / "env.example").read_text().splitlines():
        if line and not line.startswith("#"):
            name, _, value = line.partition("=")
            environment[name] = value
    return environment | {"SECRET_KEY": secrets.token_urlsafe(50)} | changes


def deploy_check(environment: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_the_production_environment_passes_the_deploy_check():
    result = deploy_check(production_environment())

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


@pytest.mark.parametrize(
    "weakened, check",
    [
        ({"SECURE_HSTS_SECONDS": "0"}, "security.W004"),
        ({"SESSION_COOKIE_SECURE": "false"}, "security.W012"),
        ({"SECRET_KEY": "short"}, "security.W009"),
    ],
)
def test_a_weakened_production_setting_fails_the_deploy_check(weakened, check):
    result = deploy_check(production_environment(**weakened))

    assert result.returncode != 0
    assert check in result.stderr


def bandit(folder: Path) -> subprocess.CompletedProcess:
    """The Makefile's bandit gate, on ``folder`` instead of the project."""
    return subprocess.run(
        [
            BANDIT,
            "--quiet",
            "--configfile",
            PROJECT / "pyproject.toml",
            "--recursive",
            folder,
            "--severity-level",
            "medium",
        ],
        capture_output=True,
        text=True,
    )


@pytest.mark.skipif(not BANDIT.exists(), reason="bandit is not installed (make test installs it)")
def test_bandit_fails_on_an_unexplained_mark_safe_and_passes_an_explained_one(tmp_path):
    unexplained, explained = tmp_path / "unexplained", tmp_path / "explained"
    unexplained.mkdir()
    explained.mkdir()
    code = "from django.utils.safestring import mark_safe\n\n\ndef shown(text):\n    return mark_safe(text)"
    (unexplained / "view.py").write_text(code + "\n")
    (explained / "view.py").write_text(code + "  # nosec B308  # the caller escaped it\n")

    assert bandit(unexplained).returncode == 1
    assert bandit(explained).returncode == 0
