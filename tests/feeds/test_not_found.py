"""A feed of something unknown, unpublished or not in the address's language answers the site's 404 page."""

import datetime

import pytest
from django.utils import timezone, translation

from articles.models import Article
from tests.factories import make_article, make_author, make_section, make_tag

from .conftest import FORMATS, feed_address

pytestmark = pytest.mark.django_db


def assert_site_404(response, language="en"):
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
    with translation.override(language):
        assert translation.gettext("Page not found") in response.content.decode()
    assert f'<html lang="{language}">' in response.content.decode()


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize(
    "address",
    [
        "/en/no-such-section/feed/",
        "/en/tags/no-such-tag/feed/",
        "/en/authors/no-such-author/feed/",
        "/en/no-such-section/no-such-article/comments/feed/",
        "/en/tags/feed/",
        "/en/authors/%D5%A1%D5%B5%D5%A2/feed/",
        "/en/tags/a.b/feed/",
        "/en/feed/rss2/",
    ],
)
def test_unknown_addresses_answer_the_404_page(client, address, format):
    assert_site_404(client.get(feed_address(address, format)))


def test_the_404_page_is_in_the_addresses_language(client):
    assert_site_404(client.get("/hy/no-such-section/feed/"), "hy")


def test_a_slug_from_the_other_language_is_not_found(client):
    section, tag, author = make_section(), make_tag(), make_author()

    for address in (
        f"/en/{section.slug_hy}/feed/",
        f"/en/tags/{tag.slug_hy}/feed/",
        f"/hy/authors/{author.slug_en}/feed/",
    ):
        assert_site_404(client.get(address), address[1:3])


@pytest.mark.parametrize(
    "fields",
    [
        {"status": Article.Status.DRAFT},
        {"published_at": timezone.now() + datetime.timedelta(days=1)},
        {"languages": ("en",)},
    ],
    ids=["draft", "scheduled", "not-in-armenian"],
)
def test_no_comments_feed_for_an_article_readers_cannot_see_in_that_language(client, fields):
    article = make_article(**fields)

    response = client.get(f"/hy/{article.section.slug_hy}/hodvats-{article.slug_en.split('-')[1]}/comments/feed/")

    assert_site_404(response, "hy")


def test_no_comments_feed_under_another_sections_address(client):
    article, elsewhere = make_article(), make_section()

    assert_site_404(client.get(f"/en/{elsewhere.slug_en}/{article.slug_en}/comments/feed/"))
    assert client.get(f"/en/{article.section.slug_en}/{article.slug_en}/comments/feed/").status_code == 200


def test_a_section_without_articles_has_an_empty_feed_not_a_404(client):
    section = make_section()

    response = client.get(f"/en/{section.slug_en}/feed/")

    assert response.status_code == 200
    assert b"<item>" not in response.content
