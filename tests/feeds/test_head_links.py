"""Every public page names its feeds in <head>: the site's in its language, and the feed of what the page is about."""

import re
from html import unescape

import pytest

from articles.models import Article
from tests.factories import make_article, make_comment, make_tag

from .conftest import parse

pytestmark = pytest.mark.django_db

FEED_LINK = re.compile(r'<link rel="alternate" type="application/rss\+xml" title="([^"]*)" href="([^"]*)">')


def feed_links(response) -> dict[str, str]:
    """{address: title} of the feeds named in the page's head."""
    assert response.status_code in (200, 404)
    head = response.content.decode().split("</head>", 1)[0]
    return {unescape(href): unescape(title) for title, href in FEED_LINK.findall(head)}


def site_feed(language: str) -> str:
    return f"http://testserver/{language}/feed/"


@pytest.fixture
def article():
    article = make_article(tags=[make_tag()], title="Talks & walks")
    make_comment(article)
    return article


@pytest.mark.parametrize("language", ["en", "hy"])
def test_home_and_archive_pages_name_the_site_feed_in_their_language(client, article, language):
    month = article.published_at.strftime("%Y/%m")

    for address in (f"/{language}/", f"/{language}/{month}/", f"/{language}/no-such-section/"):
        assert feed_links(client.get(address)) == {site_feed(language): "Newsroom"}, address


@pytest.mark.parametrize("language", ["en", "hy"])
def test_section_tag_and_author_pages_name_their_own_feed_too(client, article, language):
    pages = [
        article.section.get_absolute_url(language),
        article.tags.get().get_absolute_url(language),
        article.bylines.get().author.get_absolute_url(language),
    ]
    for page in pages:
        links = feed_links(client.get(page))

        assert len(links) == 2 and site_feed(language) in links, page
        [own] = [address for address in links if address != site_feed(language)]
        assert own == f"http://testserver{page}feed/"
        # The title a reader's browser shows is the feed's own title.
        assert parse(client.get(own)).feed.title == links[own]


@pytest.mark.parametrize("language", ["en", "hy"])
def test_an_article_page_names_its_comments_feed(client, article, language):
    page = article.get_absolute_url(language)

    links = feed_links(client.get(page))

    comments = f"http://testserver{page}comments/feed/"
    assert set(links) == {site_feed(language), comments}
    feed = parse(client.get(comments))
    assert feed.feed.title == links[comments] and len(feed.entries) == 1


def test_the_armenian_title_names_the_armenian_section(client, article):
    links = feed_links(client.get(article.section.get_absolute_url("hy")))

    assert links[f"http://testserver{article.section.get_absolute_url('hy')}feed/"].endswith(article.section.name_hy)


def test_a_page_saying_the_article_lacks_this_language_names_no_comments_feed(client):
    english_only = make_article(languages=("en",))

    response = client.get(f"/hy/{english_only.section.slug_hy}/{english_only.slug_en}/")

    assert response.status_code == 404
    assert feed_links(response) == {site_feed("hy"): "Newsroom"}


def test_a_preview_names_no_comments_feed(editor_client):
    draft = make_article(status=Article.Status.DRAFT)

    response = editor_client.get(draft.get_preview_url("en"))

    assert response.status_code == 200
    assert feed_links(response) == {site_feed("en"): "Newsroom"}
