"""
A third language is a settings change plus makemigrations (docs/design.md). Proven
end to end on a copy of the project: modeltranslation adds its fields when the
models are imported, so only a fresh process with LANGUAGES=en,hy,ru can show it.
The copy always uses its own SQLite file, whatever database the suite runs on.
"""

import os
import shutil
import subprocess
import sys

import pytest
from django.conf import settings

pytestmark = pytest.mark.slow

NOT_COPIED = shutil.ignore_patterns(
    ".venv", ".git", "db.sqlite3*", "media", "staticfiles", "__pycache__", "*.pyc", ".pytest_cache", "node_modules"
)

READ_IN_RUSSIAN = """
from django.test import Client
from articles.models import Article, Author, Byline, Section

section = Section.objects.create(name_en="World", slug_en="world", name_ru="Мир", slug_ru="mir")
author = Author.objects.create(name_en="Anna", name_ru="Анна")
article = Article.objects.create(
    section=section, status="published",
    title_en="A new level of dialogue", slug_en="dialogue", body_en="<p>English.</p>",
    title_ru="Новый уровень диалога", slug_ru="novyj-uroven", body_ru="<p>По-русски.</p>",
)
Byline.objects.create(article=article, author=author)

russian = Client().get("/ru/mir/novyj-uroven/")
page = russian.content.decode()
assert russian.status_code == 200, russian.status_code
assert "<h1>Новый уровень диалога</h1>" in page, page
assert '<html lang="ru">' in page
assert 'lang="ru">Русский<' in page, "language switch lacks Русский"

english = Client().get("/en/world/dialogue/").content.decode()
assert 'href="/ru/mir/novyj-uroven/" hreflang="ru" lang="ru">Русский</a>' in english, "no switch to Russian"
assert 'hreflang="ru" href="http://testserver/ru/mir/novyj-uroven/"' in english, "no hreflang for Russian"
assert Client().get("/ru/").status_code == 200
print("READ IN RUSSIAN")
"""


@pytest.fixture
def russian_site(tmp_path):
    """A copy of the project, and a way to run its manage.py with Russian switched on."""
    project = tmp_path / "project"
    shutil.copytree(settings.BASE_DIR, project, ignore=NOT_COPIED)
    environment = {
        "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
        "HOME": str(tmp_path),
        "LANGUAGES": "en,hy,ru",
        "DEBUG": "true",
        "SECRET_KEY": "third-language-test",
        "ALLOWED_HOSTS": "testserver,localhost",
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
    }

    def manage(*arguments: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "manage.py", *arguments],
            cwd=project,
            env=environment,
            capture_output=True,
            text=True,
            timeout=300,
        )

    return manage


def test_russian_switched_on_in_settings_works_end_to_end(russian_site):
    made = russian_site("makemigrations", "articles", "--name", "russian")
    assert made.returncode == 0, made.stderr
    assert "title_ru" in made.stdout and "slug_ru" in made.stdout and "body_ru" in made.stdout, made.stdout
    assert "unique_article_slug_ru" in made.stdout, "Russian slugs are not unique within Russian"

    migrated = russian_site("migrate", "--no-input")
    assert migrated.returncode == 0, migrated.stderr

    read = russian_site("shell", "-c", READ_IN_RUSSIAN)
    assert read.returncode == 0, read.stderr
    assert "READ IN RUSSIAN" in read.stdout
