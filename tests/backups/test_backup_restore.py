"""
deploy/backup.sh, run as docs/backups.md says: a seeded site is backed up,
restored into an empty database and an empty media folder, and everything
comes back: every article in every language, comment, former slug and
version, and every image's master and renditions, byte for byte. PostgreSQL
runs on a cluster of the test's own (never the machine's); SQLite in a file.
"""

import json
import os
import subprocess
import sys

import pytest

from tests.servers import PROJECT, PostgresCluster

pytestmark = pytest.mark.slow

BACKUP = str(PROJECT / "deploy" / "backup.sh")


def site_environment(database_url: str, media_root) -> dict:
    """What /etc/newsroom/env would hold: production settings, this database and media folder."""
    env = {key: value for key, value in os.environ.items() if key != "DEBUG"}
    env.update(
        DJANGO_SETTINGS_MODULE="newsroom.settings",
        SECRET_KEY="backup-test-only",
        ALLOWED_HOSTS="127.0.0.1",
        DATABASE_URL=database_url,
        MEDIA_ROOT=str(media_root),
        EMAIL_URL="consolemail://",
    )
    return env


def run(env: dict, *command: str) -> str:
    result = subprocess.run(command, cwd=PROJECT, env=env, capture_output=True, text=True, timeout=180)
    assert result.returncode == 0, result.stderr[-3000:]
    return result.stdout


def site_inventory(env: dict, command: str) -> dict:
    return json.loads(run(env, sys.executable, "-m", "tests.backups.site_content", command).splitlines()[-1])


def back_up_and_restore(tmp_path, source_url: str, target_url: str) -> tuple[dict, dict]:
    source = site_environment(source_url, tmp_path / "media")
    run(source, sys.executable, "manage.py", "migrate", "--no-input", "-v0")
    before = site_inventory(source, "seed")

    run(source, BACKUP, "backup", str(tmp_path / "backup"))
    target = site_environment(target_url, tmp_path / "restored-media")
    run(target, BACKUP, "restore", str(tmp_path / "backup"))

    return before, site_inventory(target, "inventory")


def assert_everything_came_back(before: dict, after: dict) -> None:
    # The seed made what the test claims to check: both languages, images with renditions, comments, history.
    assert {bool(a["title_en"]) for a in before["articles"]} == {True, False}
    assert {bool(a["title_hy"]) for a in before["articles"]} == {True, False}
    assert sum(len(a["files"]) > 1 for a in before["articles"]) == 2 and before["inline_images"]
    assert len(before["comments"]) == 5 and before["former_slugs"] and len(before["versions"]) >= 2
    assert before["missing_files"] == []

    assert after == before


@pytest.fixture
def cluster():
    if not PostgresCluster.available():
        pytest.skip("needs PostgreSQL's binaries and root, to run a cluster of the test's own as postgres")
    cluster = PostgresCluster()
    cluster.start()
    yield cluster
    cluster.remove()


def test_a_postgresql_site_comes_back_whole_from_its_backup(tmp_path, cluster):
    for database in ("site", "restored"):
        run({**os.environ}, "createdb", "--maintenance-db", cluster.url(), database)

    before, after = back_up_and_restore(tmp_path, cluster.url("site"), cluster.url("restored"))

    assert (tmp_path / "backup" / "database.dump").read_bytes().startswith(b"PGDMP")  # pg_dump's custom format
    assert_everything_came_back(before, after)


def test_a_sqlite_site_comes_back_whole_from_its_backup(tmp_path):
    before, after = back_up_and_restore(
        tmp_path, f"sqlite:///{tmp_path / 'site.sqlite3'}", f"sqlite:///{tmp_path / 'restored.sqlite3'}"
    )

    assert_everything_came_back(before, after)


def test_a_restore_refuses_a_site_that_is_not_empty(tmp_path):
    source = site_environment(f"sqlite:///{tmp_path / 'site.sqlite3'}", tmp_path / "media")
    run(source, sys.executable, "manage.py", "migrate", "--no-input", "-v0")
    run(source, BACKUP, "backup", str(tmp_path / "backup"))

    refused = subprocess.run([BACKUP, "restore", str(tmp_path / "backup")], env=source, capture_output=True, text=True)

    assert refused.returncode == 1
    assert "already exists" in refused.stderr
