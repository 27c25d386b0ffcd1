"""
Parts of a page that a fresh rendering shares with everyone (the comment
thread, related posts, the sections' navigation) are kept apart and fresh by
the page cache's rules, so a page served fresh does not redo them.
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from comments.models import Comment
from tests.factories import make_article, make_comment, make_section, post_comment

pytestmark = pytest.mark.django_db


def sql_of(client, path) -> str:
    with CaptureQueriesContext(connection) as captured:
        response = client.get(path)
    assert response.status_code == 200
    return "\n".join(query["sql"] for query in captured)


def test_a_page_served_fresh_reuses_the_kept_thread_related_posts_and_navigation(editor_client, article):
    make_article(section=article.section)
    make_comment(article)
    path = article.get_absolute_url("en")
    first = sql_of(editor_client, path)
    assert "comments_comment" in first and "articles_section" in first

    again = sql_of(editor_client, path)

    assert "comments_comment" not in again  # neither the thread nor the related posts' counts
    assert again.count('FROM "articles_article"') == 1  # the article itself, not the related posts


def test_a_kept_thread_shows_a_newly_approved_comment(editor_client, article):
    pending = make_comment(article, status=Comment.Status.PENDING, text="Approved later.")
    assert "Approved later." not in editor_client.get(article.get_absolute_url("en")).content.decode()

    pending.approve()
    pending.save()

    assert "Approved later." in editor_client.get(article.get_absolute_url("en")).content.decode()


def test_a_new_section_appears_in_the_kept_navigation(editor_client, article):
    editor_client.get("/en/")

    make_section(name="Brand new")

    assert "Brand new" in editor_client.get("/en/").content.decode()


def test_a_reader_with_a_pending_comment_gets_the_thread_with_it_while_others_keep_theirs(client, article):
    make_comment(article, text="Everyone sees this.")
    client.get(article.get_absolute_url("en"))

    post_comment(client, article, text="Mine, waiting.")
    own = client.get(article.get_absolute_url("en")).content.decode()
    client.cookies.clear()
    others = client.get(article.get_absolute_url("en")).content.decode()

    assert "Mine, waiting." in own and "Everyone sees this." in own
    assert "Mine, waiting." not in others and "Everyone sees this." in others
