"""`manage.py seed_demo`, its conversations: readers' comments under two demo articles."""

import pytest

from articles.models import Article
from comments.models import Comment

pytestmark = pytest.mark.django_db

LEAD = "a-new-level-of-dialogue-on-the-valleys-water"


def test_demo_comments_thread_approved_replies_and_leave_one_for_the_moderators(seed):
    seed()

    comments = Comment.objects.filter(article__slug_en=LEAD)
    assert comments.public().filter(parent__isnull=False).exists()
    assert comments.filter(status=Comment.Status.PENDING).count() == 1
    assert all(comment.approved_at for comment in comments.public())


def test_running_seed_demo_twice_adds_no_comment(seed):
    seed()
    before = sorted(Comment.objects.values_list("pk", flat=True))

    output = seed()

    assert sorted(Comment.objects.values_list("pk", flat=True)) == before
    assert "Demo comments: 0 added, 5 in all." in output


def test_a_demo_comment_the_moderators_approved_stays_approved(seed):
    seed()
    waiting = Comment.objects.get(article__slug_en=LEAD, status=Comment.Status.PENDING)
    waiting.status = Comment.Status.APPROVED
    waiting.save()

    seed()

    waiting.refresh_from_db()
    assert waiting.status == Comment.Status.APPROVED
    assert not Comment.objects.filter(status=Comment.Status.PENDING).exists()


def test_a_demo_comment_the_moderators_deleted_comes_back(seed):
    seed()
    Comment.objects.filter(name="Gayane M.").delete()

    seed()

    assert Comment.objects.filter(name="Gayane M.", status=Comment.Status.APPROVED).count() == 1


def test_demo_comments_show_on_the_article_page(client, seed):
    seed()
    article = Article.objects.get(slug_en=LEAD)

    page = client.get(article.get_absolute_url("en")).content.decode()

    assert "Armen K." in page
    assert "Visitor" not in page
    assert "@example.org" not in page
