"""
The page cache serves anonymous readers stored pages, and every change a
reader could see makes them fresh at once.
"""

import datetime
import time

import pytest
from django.test import Client
from django.utils import timezone

from articles.models import Article
from comments.models import Comment
from tests.factories import make_article, make_comment, post_comment

pytestmark = pytest.mark.django_db

QUEUE = "/admin/comments/comment/"


def fetch(client, path):
    response = client.get(path)
    assert response.status_code == 200, path
    return response["X-Cache"], response.content.decode()


def public_pages(article):
    return {
        "home": "/en/",
        "section": article.section.get_absolute_url("en"),
        "article": article.get_absolute_url("en"),
        "article (hy)": article.get_absolute_url("hy"),
        "tag": article.tags.first().get_absolute_url("en"),
        "author": article.bylines.first().author.get_absolute_url("en"),
        "month": article.published_at.strftime("/en/%Y/%m/"),
    }


def test_every_public_page_is_a_miss_then_a_hit(client, article):
    for name, path in public_pages(article).items():
        assert fetch(client, path)[0] == "miss", name
        assert fetch(client, path)[0] == "hit", name


def test_a_cached_page_takes_no_query(client, article, django_assert_num_queries):
    fetch(client, article.get_absolute_url("en"))

    with django_assert_num_queries(0):
        assert fetch(client, article.get_absolute_url("en"))[0] == "hit"


def test_parameters_a_page_does_not_read_share_its_cached_copy(client, article):
    fetch(client, "/en/")

    assert fetch(client, "/en/?utm_source=newsletter")[0] == "hit"


def test_a_page_of_a_list_is_cached_apart_from_the_first(client, article):
    fetch(client, article.section.get_absolute_url("en"))

    assert fetch(client, article.section.get_absolute_url("en") + "?page=2")[0] == "miss"


def test_publishing_a_draft_shows_it_on_the_cached_home_page(client, article):
    draft = make_article(status=Article.Status.DRAFT, section=article.section)
    fetch(client, "/en/")

    draft.status = Article.Status.PUBLISHED
    draft.save()

    assert draft.title_en in fetch(client, "/en/")[1]


def test_changing_an_article_shows_the_change_on_its_cached_page(client, article):
    fetch(client, article.get_absolute_url("en"))

    article.summary_en = "A fresh summary"
    article.save()

    assert "A fresh summary" in fetch(client, article.get_absolute_url("en"))[1]


def test_unpublishing_an_article_takes_it_off_the_cached_pages(client, article):
    fetch(client, "/en/")
    fetch(client, article.get_absolute_url("en"))

    article.status = Article.Status.DRAFT
    article.save()

    assert article.title_en not in fetch(client, "/en/")[1]
    assert client.get(article.get_absolute_url("en")).status_code == 404


def test_deleting_an_article_takes_it_off_the_cached_pages(client, article):
    other = make_article(section=article.section)
    fetch(client, "/en/")

    other.delete()

    assert other.title_en not in fetch(client, "/en/")[1]


def test_a_scheduled_article_appears_on_a_cached_list_at_its_time(client, article):
    scheduled = make_article(published_at=timezone.now() + datetime.timedelta(seconds=2), section=article.section)
    assert scheduled.title_en not in fetch(client, "/en/")[1]
    assert fetch(client, "/en/")[0] == "hit"

    time.sleep(max(0.0, (scheduled.published_at - timezone.now()).total_seconds()) + 0.1)

    cache_state, page = fetch(client, "/en/")
    assert cache_state == "miss"
    assert scheduled.title_en in page


@pytest.mark.parametrize("model", ["section", "tag", "author"])
def test_renaming_a_section_tag_or_author_shows_on_the_cached_article(client, article, model):
    renamed = {"section": article.section, "tag": article.tags.first(), "author": article.bylines.first().author}[model]
    fetch(client, article.get_absolute_url("en"))

    renamed.name_en = f"Renamed {model}"
    renamed.save()

    assert f"Renamed {model}" in fetch(client, article.get_absolute_url("en"))[1]


def test_approving_a_comment_shows_it_on_the_cached_article(moderator_client, article):
    client = Client()  # an anonymous reader beside the signed-in moderator
    pending = make_comment(article, status=Comment.Status.PENDING, text="Worth the wait.")
    assert "Worth the wait." not in fetch(client, article.get_absolute_url("en"))[1]

    moderator_client.post(QUEUE, {"action": "approve", "_selected_action": [pending.pk]})

    assert "Worth the wait." in fetch(client, article.get_absolute_url("en"))[1]


@pytest.mark.parametrize("action", ["unapprove", "mark_spam", "move_to_trash"])
def test_moving_a_comment_out_of_view_takes_it_off_the_cached_article(moderator_client, article, action):
    client = Client()
    shown = make_comment(article, text="Soon gone.")
    assert "Soon gone." in fetch(client, article.get_absolute_url("en"))[1]

    moderator_client.post(QUEUE, {"action": action, "_selected_action": [shown.pk]})

    assert "Soon gone." not in fetch(client, article.get_absolute_url("en"))[1]


def test_a_new_comment_awaiting_moderation_leaves_the_cache_alone(client, article):
    fetch(client, article.get_absolute_url("en"))

    make_comment(article, status=Comment.Status.PENDING)

    assert fetch(client, article.get_absolute_url("en"))[0] == "hit"


def test_a_reader_with_a_pending_comment_is_served_fresh_and_sees_it(client, article):
    fetch(client, article.get_absolute_url("en"))

    post_comment(client, article, text="My own words, waiting.")
    cache_state, page = fetch(client, article.get_absolute_url("en"))

    assert cache_state == "bypass"
    assert "My own words, waiting." in page


def test_the_page_a_pending_commenter_sees_is_not_stored_for_others(client, article):
    post_comment(client, article, text="Only for me.")
    fetch(client, article.get_absolute_url("en"))
    client.cookies.clear()

    cache_state, page = fetch(client, article.get_absolute_url("en"))

    assert cache_state == "miss"
    assert "Only for me." not in page


def test_signed_in_staff_are_served_fresh(editor_client, article):
    fetch(editor_client, "/en/")

    assert fetch(editor_client, "/en/")[0] == "bypass"


def test_no_cache_at_all_when_turned_off(client, article, settings):
    settings.PAGE_CACHE_SECONDS = 0

    assert [fetch(client, "/en/")[0] for _ in range(2)] == ["bypass", "bypass"]


def test_pages_other_than_public_ones_say_nothing_about_the_cache(client):
    assert "X-Cache" not in client.get("/admin/login/")


def test_every_hit_is_a_response_of_its_own(client, article):
    fetch(client, "/en/")
    first = client.get("/en/")
    first["X-Only-Mine"] = "yes"

    second = client.get("/en/")

    assert second["X-Cache"] == "hit"
    assert "X-Only-Mine" not in second
