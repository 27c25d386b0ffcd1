"""
A language added as README's "Adding a language" says (LANGUAGES plus
makemigrations and migrate) is searchable with nothing more: the migrate that
adds its columns also gives it its index. Proven on a copy of the project,
on SQLite always and on PostgreSQL when the suite runs there (in a database
of the test's own).
"""

import os
import shutil
import subprocess
import sys
import uuid

import psycopg
import pytest
from django.conf import settings
from django.db import connection

from tests.articles.test_third_language import NOT_COPIED

pytestmark = pytest.mark.slow

SEARCH_IN_RUSSIAN = """
import re
from django.db import connection
from django.test import Client
from articles.models import Article, Byline, Section

section = Section.objects.create(name_en="World", slug_en="world", name_ru="Мир", slug_ru="mir")
Article.objects.create(
    section=section, status="published",
    title_en="Talks", slug_en="talks", body_en="<p>English only words.</p>",
    title_ru="Новый уровень диалога", slug_ru="novyj-uroven", body_ru="<p>Переговоры возобновились в понедельник.</p>",
)

def titles(language, query):
    response = Client().get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200, response.status_code
    return re.findall(r'class="search-result__title"><a href="[^"]+">([^<]+)</a>', response.content.decode())

assert titles("ru", "диалог") == ["Новый уровень диалога"], titles("ru", "диалог")
assert titles("ru", "переговоры понедельник") == ["Новый уровень диалога"]
assert titles("ru", "english") == []
assert titles("en", "диалог") == []
print("SEARCHED IN RUSSIAN ON", connection.vendor)
"""

SEARCH_AFTER_RUSSIAN = """
import re
from django.test import Client
from articles.models import Article, Section

Article.objects.create(
    section=Section.objects.get(), status="published",
    title_en="Written after Russian left", slug_en="after", body_en="<p>Orchards.</p>",
)
page = Client().get("/en/search/", {"q": "orchards"}).content.decode()
assert "Written after Russian left" in page, page
print("SEARCHED WITHOUT RUSSIAN")
"""


def databases():
    yield "sqlite"
    if connection.vendor == "postgresql":
        yield "postgresql"


@pytest.fixture(params=list(databases()))
def russian_site(request, tmp_path):
    """A copy of the project with Russian switched on, on a database of its own."""
    project = tmp_path / "project"
    shutil.copytree(settings.BASE_DIR, project, ignore=NOT_COPIED)
    database_url = f"sqlite:///{tmp_path / 'db.sqlite3'}"
    cleanup = None
    if request.param == "postgresql":
        server = settings.DATABASES["default"]
        name = f"newsroom_search_ru_{uuid.uuid4().hex[:8]}"
        dsn = {
            key: value
            for key, value in {
                "host": server["HOST"],
                "port": server["PORT"],
                "user": server["USER"],
                "password": server["PASSWORD"],
                "dbname": "postgres",
            }.items()
            if value
        }
        with psycopg.connect(**dsn, autocommit=True) as admin:
            admin.execute(f'CREATE DATABASE "{name}"')

        def cleanup():
            with psycopg.connect(**dsn, autocommit=True) as admin:
                admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

        credentials = f"{server['USER']}:{server['PASSWORD']}@" if server["PASSWORD"] else f"{server['USER']}@"
        database_url = f"postgres://{credentials}{server['HOST'] or '127.0.0.1'}:{server['PORT'] or 5432}/{name}"
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANGUAGES": "en,hy,ru",
        "DEBUG": "true",
        "SECRET_KEY": "third-language-search-test",
        "ALLOWED_HOSTS": "testserver,localhost",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(tmp_path / "media"),
    }

    def manage(*arguments: str, languages: str = "en,hy,ru") -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=project,
            env=environment | {"LANGUAGES": languages},
            capture_output=True,
            text=True,
            timeout=300,
        )

    yield manage
    if cleanup:
        cleanup()


def test_a_third_language_is_searchable_after_makemigrations_and_migrate(russian_site):
    made = russian_site("makemigrations", "articles", "--name", "russian")
    assert made.returncode == 0, made.stderr
    migrated = russian_site("migrate", "--no-input")
    assert migrated.returncode == 0, migrated.stderr

    searched = russian_site("shell", "-c", SEARCH_IN_RUSSIAN)

    assert searched.returncode == 0, searched.stderr
    assert "SEARCHED IN RUSSIAN" in searched.stdout


def test_a_language_taken_out_again_leaves_search_working(russian_site):
    assert russian_site("makemigrations", "articles", "--name", "russian").returncode == 0
    assert russian_site("migrate", "--no-input").returncode == 0
    assert russian_site("shell", "-c", SEARCH_IN_RUSSIAN).returncode == 0

    made = russian_site("makemigrations", "articles", "--name", "without_russian", languages="en,hy")
    assert made.returncode == 0, made.stderr
    migrated = russian_site("migrate", "--no-input", languages="en,hy")
    assert migrated.returncode == 0, migrated.stderr
    searched = russian_site("shell", "-c", SEARCH_AFTER_RUSSIAN, languages="en,hy")

    assert searched.returncode == 0, searched.stderr
    assert "SEARCHED WITHOUT RUSSIAN" in searched.stdout
