"""Each feed holds exactly the public articles available in its language, for its section, tag or author, newest first."""

import pytest

from .conftest import FORMATS, feed_address, parse

pytestmark = pytest.mark.django_db


def links(parsed) -> list[str]:
    return [entry.link for entry in parsed.entries]


def absolute(article, language) -> str:
    return f"http://testserver{article.get_absolute_url(language)}"


@pytest.mark.parametrize("format", FORMATS)
def test_the_site_feed_lists_the_public_articles_of_its_language_newest_first(client, newsroom, format):
    english = parse(client.get(feed_address("/en/feed/", format)))
    armenian = parse(client.get(feed_address("/hy/feed/", format)))

    assert links(english) == [absolute(a, "en") for a in (newsroom.newest, newsroom.english_only, newsroom.oldest)]
    assert links(armenian) == [absolute(a, "hy") for a in (newsroom.newest, newsroom.armenian_only, newsroom.oldest)]


@pytest.mark.parametrize("format", FORMATS)
def test_a_section_feed_lists_only_that_sections_articles(client, newsroom, format):
    rss_in = {language: f"/{language}/{newsroom.section.slug_in(language)}/feed/" for language in ("en", "hy")}

    english = parse(client.get(feed_address(rss_in["en"], format)))
    armenian = parse(client.get(feed_address(rss_in["hy"], format)))

    assert links(english) == [absolute(a, "en") for a in (newsroom.english_only, newsroom.oldest)]
    assert links(armenian) == [absolute(newsroom.oldest, "hy")]


@pytest.mark.parametrize("format", FORMATS)
def test_a_tag_feed_lists_only_the_articles_tagged_with_it(client, newsroom, format):
    english = parse(client.get(feed_address(f"/en/tags/{newsroom.tag.slug_en}/feed/", format)))
    armenian = parse(client.get(feed_address(f"/hy/tags/{newsroom.tag.slug_hy}/feed/", format)))

    assert links(english) == [absolute(a, "en") for a in (newsroom.newest, newsroom.oldest)]
    assert links(armenian) == [absolute(a, "hy") for a in (newsroom.newest, newsroom.armenian_only, newsroom.oldest)]


@pytest.mark.parametrize("format", FORMATS)
def test_an_author_feed_lists_only_the_articles_in_their_byline(client, newsroom, format):
    anna = parse(client.get(feed_address(f"/en/authors/{newsroom.anna.slug_en}/feed/", format)))
    gor = parse(client.get(feed_address(f"/en/authors/{newsroom.gor.slug_en}/feed/", format)))
    gor_in_armenian = parse(client.get(feed_address(f"/hy/authors/{newsroom.gor.slug_hy}/feed/", format)))

    assert links(anna) == [absolute(a, "en") for a in (newsroom.newest, newsroom.oldest)]
    assert links(gor) == [absolute(a, "en") for a in (newsroom.newest, newsroom.english_only)]
    assert links(gor_in_armenian) == [absolute(newsroom.newest, "hy")]


def test_drafts_and_scheduled_articles_are_in_no_feed(client, newsroom):
    hidden = [newsroom.draft, newsroom.scheduled]
    addresses = [
        "/en/feed/",
        "/hy/feed/",
        f"/en/{newsroom.section.slug_en}/feed/",
        f"/en/tags/{newsroom.tag.slug_en}/feed/",
        f"/en/authors/{newsroom.anna.slug_en}/feed/",
    ]
    for address in addresses:
        content = client.get(address).content.decode()
        for article in hidden:
            assert article.title_en not in content, address
            assert article.slug_en not in content, address


def test_a_scheduled_article_appears_once_its_time_has_come(client, newsroom):
    newsroom.scheduled.published_at = newsroom.oldest.published_at.replace(year=2020)
    newsroom.scheduled.save()

    feed = parse(client.get("/en/feed/"))

    assert links(feed)[-1] == absolute(newsroom.scheduled, "en")


def test_the_number_of_items_is_a_setting(client, settings, newsroom):
    settings.FEEDS_ITEMS = 2

    feed = parse(client.get("/en/feed/"))

    assert links(feed) == [absolute(a, "en") for a in (newsroom.newest, newsroom.english_only)]


def test_the_default_is_twenty_items(client, settings):
    from tests.factories import bulk_articles

    assert settings.FEEDS_ITEMS == 20
    articles = bulk_articles(25)

    feed = parse(client.get("/en/feed/"))

    assert links(feed) == [absolute(a, "en") for a in articles[:20]]
