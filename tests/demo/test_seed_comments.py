"""`manage.py seed_demo_comments`: the demo's conversations, loaded by `make run` after seed_demo."""

import io

import pytest
from django.core.management import call_command

from comments.models import Comment
from tests.factories import make_article

pytestmark = pytest.mark.django_db

LEAD = "a-new-level-of-dialogue-on-the-valleys-water"


def seed() -> str:
    out = io.StringIO()
    call_command("seed_demo_comments", stdout=out)
    return out.getvalue()


def test_demo_comments_thread_approved_replies_and_leave_one_for_the_moderators():
    article = make_article(slug_en=LEAD)

    seed()

    comments = Comment.objects.filter(article=article)
    assert comments.public().filter(parent__isnull=False).exists()
    assert comments.filter(status=Comment.Status.PENDING).count() == 1
    assert all(comment.approved_at for comment in comments.public())


def test_running_the_demo_comments_twice_adds_nothing():
    make_article(slug_en=LEAD)
    seed()
    before = sorted(Comment.objects.values_list("pk", flat=True))

    output = seed()

    assert sorted(Comment.objects.values_list("pk", flat=True)) == before
    assert "0 added" in output


def test_demo_comments_skip_articles_that_are_not_there():
    seed()

    assert Comment.objects.count() == 0


def test_demo_comments_show_on_the_article_page(client):
    article = make_article(slug_en=LEAD)
    seed()

    page = client.get(article.get_absolute_url("en")).content.decode()

    assert "Armen K." in page
    assert "Visitor" not in page
    assert "@example.org" not in page
