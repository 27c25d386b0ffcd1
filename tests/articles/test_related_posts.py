"""Related Posts: up to four public articles in the page's language, closest first, newest first within that."""

import datetime

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_section, make_tag

pytestmark = pytest.mark.django_db


def hours_ago(hours: int) -> datetime.datetime:
    return timezone.now() - datetime.timedelta(hours=hours)


def test_related_posts_are_at_most_four():
    section = make_section()
    article = make_article(section=section, published_at=hours_ago(10))
    for hours in range(1, 7):
        make_article(section=section, published_at=hours_ago(hours))

    assert len(article.related("en")) == 4


def test_related_posts_never_include_the_article_itself():
    section = make_section()
    article = make_article(section=section)
    other = make_article(section=section, published_at=hours_ago(5))

    assert list(article.related("en")) == [other]


def test_related_posts_put_same_section_and_shared_tags_before_newer_unrelated_articles():
    section, tag = make_section(), make_tag()
    article = make_article(section=section, tags=[tag], published_at=hours_ago(1))
    newest_unrelated = make_article(published_at=hours_ago(2))
    same_section = make_article(section=section, published_at=hours_ago(30))
    shared_tag = make_article(tags=[tag], published_at=hours_ago(20))

    assert list(article.related("en")) == [shared_tag, same_section, newest_unrelated]


def test_an_article_sharing_several_tags_is_related_once():
    first, second = make_tag(), make_tag()
    article = make_article(tags=[first, second])
    sharing_both = make_article(tags=[first, second], published_at=hours_ago(3))

    assert list(article.related("en")) == [sharing_both]


def test_related_posts_are_newest_first_among_equally_close_articles():
    section = make_section()
    article = make_article(section=section)
    older = make_article(section=section, published_at=hours_ago(48))
    newer = make_article(section=section, published_at=hours_ago(3))

    assert list(article.related("en")) == [newer, older]


def test_related_posts_are_filled_with_recent_articles_when_few_are_related():
    section = make_section()
    article = make_article(section=section)
    related = make_article(section=section, published_at=hours_ago(50))
    recent = [make_article(published_at=hours_ago(hours)) for hours in (2, 3, 4, 5)]

    assert list(article.related("en")) == [related, *recent[:3]]


def test_related_posts_leave_out_drafts_and_scheduled_articles():
    section = make_section()
    article = make_article(section=section)
    make_article(section=section, status=Article.Status.DRAFT)
    make_article(section=section, published_at=timezone.now() + datetime.timedelta(hours=2))

    assert list(article.related("en")) == []


def test_related_posts_are_only_articles_available_in_the_pages_language():
    section = make_section()
    article = make_article(section=section)
    bilingual = make_article(section=section, published_at=hours_ago(3))
    make_article(section=section, languages=("en",), published_at=hours_ago(2))

    assert list(article.related("hy")) == [bilingual]


def test_article_page_shows_related_posts_under_their_heading(client):
    section = make_section()
    article = make_article(section=section)
    other = make_article(section=section, published_at=hours_ago(3))

    response = client.get(article.get_absolute_url("en"))

    page = response.content.decode()
    assert list(response.context["related_articles"]) == [other]
    assert "Related Posts" in page
    assert f'href="{other.get_absolute_url("en")}"' in page


def test_article_page_with_nothing_related_has_no_related_posts_heading(client):
    article = make_article()

    response = client.get(article.get_absolute_url("en"))

    page = response.content.decode()
    assert response.status_code == 200
    assert f"<h1>{article.title_en}</h1>" in page
    assert list(response.context["related_articles"]) == []
    assert "Related Posts" not in page
