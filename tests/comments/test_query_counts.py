"""Comments cost a fixed number of queries, however many there are and however many articles are listed."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from comments.models import Comment
from tests.factories import make_article, make_comment, make_section, post_comment

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]


def article_with_comments(count: int):
    """An article with ``count`` approved comments, a fifth of them replies, threaded down to depth 5."""
    article = make_article()
    parent = None
    for n in range(count):
        comment = make_comment(article, parent=parent if n % 5 else None, text=f"Comment {n}")
        parent = comment if comment.depth < 5 else None
    return article


def queries_for(client, url) -> int:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def test_article_page_with_200_comments_takes_as_many_queries_as_with_5(client, django_assert_num_queries):
    few = article_with_comments(5)
    many = article_with_comments(200)
    budget = queries_for(client, few.get_absolute_url("en"))

    with django_assert_num_queries(budget):
        response = client.get(many.get_absolute_url("en"))

    page = response.content.decode()
    assert "200 Responses" in page
    assert page.count('id="comment-') == 200


def test_own_pending_comments_add_no_queries(client):
    article = article_with_comments(20)
    anonymous = queries_for(Client(), article.get_absolute_url("en"))
    post_comment(client, article, text="Mine, still waiting.")

    page = client.get(article.get_absolute_url("en")).content.decode()

    assert "Mine, still waiting." in page and "Your comment is awaiting moderation." in page
    assert queries_for(client, article.get_absolute_url("en")) == anonymous


def test_listing_counts_cost_one_query_whatever_the_number_of_articles(client, django_assert_num_queries, settings):
    settings.ARTICLES_PER_PAGE = 30
    small, large = make_section(), make_section()
    for _ in range(2):
        make_comment(make_article(section=small))
    for _ in range(12):
        article = make_article(section=large)
        make_comment(article), make_comment(article)
    budget = queries_for(client, small.get_absolute_url("en"))

    with django_assert_num_queries(budget):
        response = client.get(large.get_absolute_url("en"))

    assert response.content.decode().count("2 Responses") == 12


def test_home_page_shows_each_articles_count_in_fixed_queries(client):
    articles = [make_article() for _ in range(4)]
    make_comment(articles[0])
    for _ in range(3):
        make_comment(articles[1])
    before = queries_for(client, "/en/")
    for _ in range(6):
        make_article()

    page = client.get("/en/").content.decode()

    assert "One Response" in page and "3 Responses" in page and "0 Responses" in page
    assert queries_for(client, "/en/") == before


def test_listing_counts_only_approved_comments(client):
    article = make_article()
    make_comment(article)
    make_comment(article, status=Comment.Status.PENDING)
    make_comment(article, status=Comment.Status.SPAM)

    page = client.get(article.section.get_absolute_url("en")).content.decode()

    assert "One Response" in page
