"""/news-sitemap.xml: Google News' format, articles of the last 48 hours only."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from tests.crawlers.sitemap_reading import NEWS, NS, SITEMAP, parse
from tests.factories import bulk_articles, make_article

pytestmark = pytest.mark.django_db


def news(client) -> dict[str, dict]:
    """{url: {name, language, title, date}} as a news aggregator reads them."""
    root = parse(client.get("/news-sitemap.xml"))
    assert root.tag == f"{{{SITEMAP}}}urlset"
    assert root.nsmap.get("news") == NEWS
    return {
        url.findtext("s:loc", namespaces=NS): {
            "name": url.findtext("news:news/news:publication/news:name", namespaces=NS),
            "language": url.findtext("news:news/news:publication/news:language", namespaces=NS),
            "title": url.findtext("news:news/news:title", namespaces=NS),
            "date": url.findtext("news:news/news:publication_date", namespaces=NS),
        }
        for url in root.findall("s:url", NS)
    }


def absolute(path: str) -> str:
    return "http://127.0.0.1:8000" + path


def test_article_of_the_last_48_hours_is_listed_in_each_language_with_name_language_title_and_date(client):
    article = make_article()

    listed = news(client)

    published = timezone.localtime(article.published_at).replace(microsecond=0)
    assert listed == {
        absolute(article.get_absolute_url("en")): {
            "name": "Newsroom",
            "language": "en",
            "title": article.title_en,
            "date": published.isoformat(),
        },
        absolute(article.get_absolute_url("hy")): {
            "name": "Newsroom",  # the catalogue keeps the name in Latin letters
            "language": "hy",
            "title": article.title_hy,
            "date": published.isoformat(),
        },
    }
    assert datetime.datetime.fromisoformat(listed[absolute(article.get_absolute_url("en"))]["date"]) == published


def test_only_the_last_48_hours_are_listed(client):
    recent = make_article(languages=("en",), published_at=timezone.now() - datetime.timedelta(hours=47, minutes=50))
    old = make_article(languages=("en",))
    Article.objects.filter(pk=old.pk).update(published_at=timezone.now() - datetime.timedelta(hours=48, minutes=10))

    assert set(news(client)) == {absolute(recent.get_absolute_url("en"))}


def test_an_article_leaves_the_news_sitemap_when_its_publication_date_moves_back(client, settings):
    settings.PAGE_CACHE_SECONDS = 0
    article = make_article(languages=("en",))
    assert set(news(client)) == {absolute(article.get_absolute_url("en"))}

    article.published_at = timezone.now() - datetime.timedelta(days=3)
    article.save()

    assert news(client) == {}


def test_drafts_scheduled_articles_and_missing_translations_are_not_news(client):
    make_article(status=Article.Status.DRAFT)
    make_article(published_at=timezone.now() + datetime.timedelta(minutes=30))
    english_only = make_article(languages=("en",))

    assert set(news(client)) == {absolute(english_only.get_absolute_url("en"))}


def test_titles_are_escaped_and_stripped_of_characters_xml_forbids(client):
    article = make_article(languages=("en",), title_en='Rates & "tariffs" <b>up</b>\x0b again')

    listed = news(client)

    assert listed[absolute(article.get_absolute_url("en"))]["title"] == 'Rates & "tariffs" <b>up</b> again'


def test_publication_name_follows_the_site_name_setting(client, settings):
    settings.SITE_NAME = "The Valley Times"
    make_article(languages=("en",))

    assert [entry["name"] for entry in news(client).values()] == ["The Valley Times"]


def test_news_sitemap_holds_at_most_a_thousand_urls(client, settings):
    articles = bulk_articles(501)
    Article.objects.filter(pk__in=[a.pk for a in articles]).update(published_at=timezone.now())

    assert len(news(client)) == 1000
