"""
The editors' article list (with its translation and comment columns) and the
moderators' queue take the same number of queries with 10 rows as with
10,000, and on PostgreSQL their first page is read off an index.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from articles.models import Article
from comments.models import Comment
from tests.factories import bulk_articles, bulk_comments, make_article

pytestmark = [pytest.mark.django_db, pytest.mark.slow]

ARTICLE_LIST = "/admin/articles/article/"
QUEUE = "/admin/comments/comment/"


def queries_for(client, path) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return len(captured)


@pytest.mark.parametrize("user", ["editor", "superuser"])
def test_the_article_list_takes_as_many_queries_with_10000_articles_as_with_10(client, editor, admin_user, user):
    client.force_login({"editor": editor, "superuser": admin_user}[user])
    first = make_article()
    bulk_comments(first, 5, status=Comment.Status.APPROVED)
    bulk_articles(9, section=first.section)
    with_10 = queries_for(client, ARTICLE_LIST)

    bulk_articles(9_990, section=first.section)
    with_10000 = queries_for(client, ARTICLE_LIST)

    assert Article.objects.count() == 10_000
    assert with_10000 == with_10


def test_the_moderation_queue_takes_as_many_queries_with_10000_comments_as_with_10(moderator_client):
    article = make_article()
    bulk_comments(article, 10)
    with_10 = queries_for(moderator_client, QUEUE)
    pending_10 = queries_for(moderator_client, QUEUE + "?status__exact=pending")

    Comment.objects.all().delete()
    bulk_comments(article, 10_000)

    assert queries_for(moderator_client, QUEUE) == with_10
    assert queries_for(moderator_client, QUEUE + "?status__exact=pending") == pending_10


def plan(queryset) -> str:
    return queryset.explain()


@pytest.mark.skipif(connection.vendor != "postgresql", reason="the plans shown are PostgreSQL's")
def test_on_postgresql_the_queue_and_the_article_page_read_their_indexes(client):
    article = make_article()
    bulk_comments(article, 10_000)
    bulk_comments(make_article(), 10_000, status=Comment.Status.APPROVED)
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE comments_comment")

    from comments.models import QUEUE_ORDER

    queue_first_page = Comment.objects.order_by(*QUEUE_ORDER)[:50]
    one_articles_comments = Comment.objects.public().filter(article=article).order_by("created_at")

    assert "Index Scan using comment_queue" in plan(queue_first_page)
    assert "Index Scan using comment" in plan(one_articles_comments)
    assert "Seq Scan" not in plan(one_articles_comments)
