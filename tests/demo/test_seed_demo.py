"""`manage.py seed_demo` as one command: articles and conversations together, safe to run again."""

import pytest
from django.apps import apps

from articles.models import Article, Author, Section, Tag
from comments.models import Comment

pytestmark = pytest.mark.django_db


def row_counts() -> dict[str, int]:
    """Rows of every table, the many-to-many ones included."""
    return {model._meta.label: model.objects.count() for model in apps.get_models(include_auto_created=True)}


def stored_files(media_root) -> list[str]:
    return sorted(str(path.relative_to(media_root)) for path in media_root.rglob("*") if path.is_file())


def test_seed_demo_loads_the_articles_and_their_conversations_in_one_run(seed):
    seed()

    assert Article.objects.count() == 14
    assert Comment.objects.filter(article__in=Article.objects.all()).count() == 5


def test_running_seed_demo_twice_leaves_the_same_rows_and_files(seed, media_root):
    seed()
    rows, files = row_counts(), stored_files(media_root)

    seed()

    assert row_counts() == rows
    assert stored_files(media_root) == files
    for model in (Article, Comment, Section, Author, Tag):
        assert rows[model._meta.label] > 0, model.__name__
    assert files
