import datetime
from types import SimpleNamespace

import feedparser
import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_author, make_section, make_tag

# Each feed's two formats: the RSS address as given, the Atom one with "atom/" after it.
FORMATS = ["rss", "atom"]


def feed_address(rss_address: str, format: str) -> str:
    return rss_address if format == "rss" else f"{rss_address}atom/"


def parse(response):
    """The feed as a feed reader sees it; fails the test on anything feedparser found malformed."""
    assert response.status_code == 200, response.status_code
    parsed = feedparser.parse(response.content)
    assert not parsed.bozo, parsed.get("bozo_exception")
    return parsed


def hours_ago(hours: float) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(hours=hours)


@pytest.fixture
def newsroom(db):
    """
    Two sections, a tag, two authors, and articles of every kind a feed must
    tell apart: public in both languages, in English only, in Armenian only,
    a draft and a scheduled one (both in both languages, in section one,
    tagged and by Anna, so that only their status keeps them out).
    """
    one, two = make_section(), make_section()
    tag, other_tag = make_tag(), make_tag()
    anna, gor = make_author(), make_author()
    news = SimpleNamespace(section=one, other_section=two, tag=tag, anna=anna, gor=gor)
    news.oldest = make_article(section=one, authors=[anna], tags=[tag], published_at=hours_ago(5))
    news.english_only = make_article(section=one, authors=[gor], languages=("en",), published_at=hours_ago(4))
    news.armenian_only = make_article(
        section=two, authors=[anna], tags=[tag], languages=("hy",), published_at=hours_ago(3)
    )
    news.newest = make_article(
        section=two, authors=[anna, gor], tags=[tag, other_tag], published_at=hours_ago(1), summary_en="In short."
    )
    news.draft = make_article(section=one, authors=[anna], tags=[tag], status=Article.Status.DRAFT)
    news.scheduled = make_article(section=one, authors=[anna], tags=[tag], published_at=hours_ago(-2))
    return news
