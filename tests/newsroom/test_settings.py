"""
Production settings: the site refuses to serve half-configured, and a full
configuration passes Django's deployment checklist without a warning.

Each test runs Python in a fresh process with only the environment it names,
because settings are read once, at start-up.
"""

import os
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow

PRODUCTION = {
    "SECRET_KEY": "k3#Vq9!pZ2xL7wR0tB5nM8cF1hJ4dG6sA9eU3iO2yX7-production-like-secret",
    "ALLOWED_HOSTS": "news.example.org",
}


def clean_environment(tmp_path, **environment: str) -> dict:
    return {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "STATIC_ROOT": str(tmp_path / "static"),
    } | environment


def run(arguments: list[str], tmp_path, **environment: str) -> subprocess.CompletedProcess:
    """Run Python in the project with a clean environment holding only ``environment``."""
    return subprocess.run(
        [sys.executable, *arguments],
        cwd=settings.BASE_DIR,
        env=clean_environment(tmp_path, **environment),
        capture_output=True,
        text=True,
        timeout=120,
    )


def manage(*arguments: str, tmp_path, **environment: str) -> subprocess.CompletedProcess:
    return run(["manage.py", *arguments], tmp_path, **environment)


def load_wsgi_application(tmp_path, **environment: str) -> subprocess.CompletedProcess:
    """What gunicorn does first: import newsroom.wsgi."""
    return run(["-c", "import newsroom.wsgi"], tmp_path, **environment)


def test_production_server_refuses_to_start_without_a_secret_key(tmp_path):
    result = load_wsgi_application(tmp_path, ALLOWED_HOSTS="news.example.org")

    assert result.returncode != 0
    assert "ImproperlyConfigured: Set SECRET_KEY" in result.stderr


def test_production_server_refuses_to_start_without_allowed_hosts(tmp_path):
    result = load_wsgi_application(tmp_path, SECRET_KEY=PRODUCTION["SECRET_KEY"])

    assert result.returncode != 0
    assert "ImproperlyConfigured: Set ALLOWED_HOSTS" in result.stderr


def test_development_server_refuses_to_serve_production_without_a_secret_key(tmp_path):
    result = manage("runserver", "--noreload", "127.0.0.1:0", tmp_path=tmp_path, ALLOWED_HOSTS="localhost")

    assert result.returncode != 0
    assert "Set SECRET_KEY" in result.stderr


def test_production_server_starts_with_secret_key_and_allowed_hosts(tmp_path):
    result = load_wsgi_application(tmp_path, **PRODUCTION)

    assert result.returncode == 0, result.stderr


def test_management_commands_need_no_secret(tmp_path):
    result = manage("makemigrations", "--check", "--dry-run", tmp_path=tmp_path)

    assert result.returncode == 0, result.stderr


def test_debug_is_off_unless_the_environment_turns_it_on(tmp_path):
    result = manage(
        "shell", "-c", "from django.conf import settings; print(settings.DEBUG)", tmp_path=tmp_path, **PRODUCTION
    )

    assert result.stdout.strip().splitlines()[-1] == "False", result.stderr


def test_local_development_starts_without_a_secret_key(tmp_path):
    result = manage("check", tmp_path=tmp_path, DEBUG="true")

    assert result.returncode == 0, result.stderr


def test_deployment_checklist_passes_without_warnings_in_production(tmp_path):
    result = manage("check", "--deploy", "--fail-level", "WARNING", tmp_path=tmp_path, **PRODUCTION)

    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout
