"""Feeds are public pages: kept by the page cache, fresh after every change a reader could see, and cookie-free."""

import pytest

from comments.models import Comment
from tests.factories import make_article, make_comment, make_tag

from .conftest import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def article():
    return make_article(tags=[make_tag()])


def addresses(article) -> list[str]:
    page = article.get_absolute_url("en")
    return [
        "/en/feed/",
        "/hy/feed/atom/",
        f"{article.section.get_absolute_url('en')}feed/",
        f"{article.tags.get().get_absolute_url('en')}feed/atom/",
        f"{article.bylines.get().author.get_absolute_url('en')}feed/",
        f"{page}comments/feed/",
    ]


def test_every_feed_is_a_cache_miss_then_a_hit(client, article):
    for address in addresses(article):
        first, second = client.get(address), client.get(address)

        assert (first.status_code, first["X-Cache"]) == (200, "miss"), address
        assert (second.status_code, second["X-Cache"]) == (200, "hit"), address
        assert second.content == first.content
        assert second["Content-Type"] == first["Content-Type"]


def test_no_feed_sets_a_cookie_or_varies_on_cookies(client, article):
    for address in addresses(article):
        response = client.get(address)

        assert not response.cookies, address
        assert "cookie" not in response.get("Vary", "").lower(), address


def test_a_new_article_appears_in_a_kept_feed_at_once(client, article):
    assert len(parse(client.get("/en/feed/")).entries) == 1
    assert client.get("/en/feed/")["X-Cache"] == "hit"

    newer = make_article()
    response = client.get("/en/feed/")

    assert response["X-Cache"] == "miss"
    assert parse(response).entries[0].link.endswith(newer.get_absolute_url("en"))


def test_an_approved_comment_appears_in_a_kept_comments_feed_at_once(client, article):
    address = f"{article.get_absolute_url('en')}comments/feed/"
    pending = make_comment(article, status=Comment.Status.PENDING)
    assert parse(client.get(address)).entries == []
    assert client.get(address)["X-Cache"] == "hit"

    Comment.objects.filter(pk=pending.pk).approve()

    assert [entry.link for entry in parse(client.get(address)).entries] == [
        f"http://testserver{article.get_absolute_url('en')}#comment-{pending.pk}"
    ]
