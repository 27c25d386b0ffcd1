"""The Armenian interface catalogue is complete: every string the code marks has a translation."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PROJECT = Path(__file__).resolve().parents[2]
CATALOGUE = Path("locale/hy/LC_MESSAGES/django.po")
SOURCES = ["manage.py", "newsroom", "articles", "comments", "demo", "templates", "locale"]

pytestmark = pytest.mark.skipif(shutil.which("xgettext") is None, reason="GNU gettext (xgettext) is not installed")


def untranslated_entries(po_text: str) -> list[str]:
    """
    The msgids whose translation is empty, partly empty or marked fuzzy.
    Read here rather than with msgattrib or msgfmt --statistics: both count a
    plural with one empty form as translated.
    """
    missing = []
    for entry in po_text.split("\n\n"):
        strings: dict[str, str] = {}
        keyword = None
        for line in entry.splitlines():
            if match := re.match(r'^(msgid|msgid_plural|msgstr(?:\[\d\])?) "(.*)"$', line):
                keyword = match[1]
                strings[keyword] = match[2]
            elif keyword and line.startswith('"'):
                strings[keyword] += line[1:-1]
        translations = [text for key, text in strings.items() if key.startswith("msgstr")]
        if strings.get("msgid") and ("#, fuzzy" in entry or not all(translations)):
            missing.append(strings["msgid"])
    return missing


def test_every_marked_string_has_an_armenian_translation(tmp_path):
    for name in SOURCES:
        source = PROJECT / name
        target = tmp_path / name
        if source.is_dir():
            shutil.copytree(source, target, ignore=shutil.ignore_patterns("__pycache__", "*.mo"))
        else:
            shutil.copy(source, target)
    env = {"PATH": "/usr/bin:/bin", "DEBUG": "true", "DATABASE_URL": f"sqlite:///{tmp_path}/db.sqlite3"}

    subprocess.run(
        [sys.executable, "manage.py", "makemessages", "-l", "hy", "--no-obsolete", "-v0"],
        cwd=tmp_path,
        env=env,
        check=True,
        capture_output=True,
    )

    assert untranslated_entries((tmp_path / CATALOGUE).read_text(encoding="utf-8")) == []


def test_the_committed_catalogue_has_no_empty_or_fuzzy_translation():
    assert untranslated_entries((PROJECT / CATALOGUE).read_text(encoding="utf-8")) == []
