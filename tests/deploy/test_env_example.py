"""deploy/env.example is a complete production configuration that systemd can read."""

import re
import secrets
import subprocess
import sys

import pytest

from tests.servers import PROJECT

ENV_EXAMPLE = PROJECT / "deploy" / "env.example"
# A setting, or a default shown commented out ("# LANGUAGES=en,hy").
ASSIGNMENT = re.compile(r"^(?:# )?([A-Z][A-Z0-9_]*)=(\S*)$")


def example_values() -> dict[str, str]:
    """The variables the example sets (not those it only shows commented out)."""
    return dict(
        match.groups()
        for line in ENV_EXAMPLE.read_text().splitlines()
        if not line.startswith("#") and (match := ASSIGNMENT.match(line))
    )


def test_example_names_every_variable_the_settings_read():
    settings_source = (PROJECT / "newsroom" / "settings.py").read_text()
    read = set(re.findall(r"env(?:\.\w+)?\(\s*\"([A-Z][A-Z0-9_]*)\"", settings_source))
    named = {match.group(1) for line in ENV_EXAMPLE.read_text().splitlines() if (match := ASSIGNMENT.match(line))}

    assert read - named == set()


def test_every_line_is_a_comment_or_an_assignment_systemd_reads_as_written():
    odd = [
        line
        for line in ENV_EXAMPLE.read_text().splitlines()
        if line and not line.startswith("#") and not re.fullmatch(r"[A-Z][A-Z0-9_]*=\S+", line)
    ]

    assert odd == []


@pytest.mark.slow
def test_example_with_a_real_secret_key_passes_the_deployment_checks():
    env = {"PATH": "/usr/bin:/bin", "DJANGO_SETTINGS_MODULE": "newsroom.settings"}
    env |= example_values() | {"SECRET_KEY": secrets.token_urlsafe(50)}

    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
    )

    assert result.returncode == 0, result.stdout + result.stderr
