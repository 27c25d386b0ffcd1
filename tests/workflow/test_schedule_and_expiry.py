"""
Time alone publishes and unpublishes: an article appears at its publication
date and disappears at its expiry date, with no cron job, because the one rule
for "public now" (Article.objects.published) compares with the clock. The
rule takes ``now``, so the tests move the clock by passing it.
"""

import datetime
import time

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import admin_change_form, make_article

pytestmark = pytest.mark.django_db

HOUR = datetime.timedelta(hours=1)


@pytest.fixture
def noon():
    return timezone.now().replace(microsecond=0) + datetime.timedelta(days=1)


def public_at(moment):
    return set(Article.objects.published(now=moment))


def test_a_scheduled_article_appears_at_its_time(noon):
    scheduled = make_article(published_at=noon)

    assert scheduled not in public_at(noon - HOUR)
    assert scheduled in public_at(noon)
    assert scheduled in public_at(noon + 24 * HOUR)


def test_an_article_disappears_at_its_expiry_time(noon):
    expiring = make_article(published_at=noon - HOUR, expires_at=noon)

    assert expiring in public_at(noon - HOUR)
    assert expiring in public_at(noon - datetime.timedelta(seconds=1))
    assert expiring not in public_at(noon)
    assert expiring not in public_at(noon + HOUR)


def test_a_scheduled_article_with_an_expiry_is_public_only_between_the_two(noon):
    window = make_article(published_at=noon, expires_at=noon + 2 * HOUR)

    assert [window in public_at(moment) for moment in (noon - HOUR, noon + HOUR, noon + 3 * HOUR)] == [
        False,
        True,
        False,
    ]


@pytest.mark.parametrize("status", [Article.Status.DRAFT, Article.Status.IN_REVIEW, Article.Status.UNPUBLISHED])
def test_articles_not_published_are_never_public_whatever_the_time(noon, status):
    article = make_article(status=status, published_at=noon - HOUR)

    assert article not in public_at(noon)


def test_the_next_visibility_change_is_the_nearest_appearance_or_expiry(noon):
    make_article(published_at=noon + 3 * HOUR)
    make_article(published_at=noon - 5 * HOUR, expires_at=noon + HOUR)
    make_article(status=Article.Status.DRAFT, published_at=noon + datetime.timedelta(minutes=5))

    assert Article.objects.next_visibility_change(now=noon) == noon + HOUR
    assert Article.objects.next_visibility_change(now=noon + 2 * HOUR) == noon + 3 * HOUR
    assert Article.objects.next_visibility_change(now=noon + 4 * HOUR) is None


def test_an_expired_article_is_a_404_and_leaves_every_list(client):
    expired = make_article(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    assert client.get(expired.get_absolute_url("en")).status_code == 404
    assert expired.title_en not in client.get("/en/").content.decode()
    assert expired.title_en not in client.get(expired.section.get_absolute_url("en")).content.decode()


def test_an_expiring_article_leaves_a_cached_list_at_its_time(client):
    expiring = make_article(expires_at=timezone.now() + datetime.timedelta(seconds=2))
    assert expiring.title_en in client.get("/en/").content.decode()
    assert client.get("/en/")["X-Cache"] == "hit"

    time.sleep(max(0.0, (expiring.expires_at - timezone.now()).total_seconds()) + 0.1)

    response = client.get("/en/")
    assert response["X-Cache"] == "miss"
    assert expiring.title_en not in response.content.decode()


def test_the_article_list_says_expired_and_view_on_site_opens_the_preview(editor_client):
    expired = make_article(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    listing = editor_client.get("/admin/articles/article/").content.decode()
    change_page = editor_client.get(f"/admin/articles/article/{expired.pk}/change/").content.decode()

    assert "Expired" in listing
    assert f'href="{expired.get_preview_url("en")}"' in change_page


def test_an_expiry_before_the_publication_date_is_a_form_error(editor_client):
    article = make_article()
    day_before = timezone.localtime(article.published_at) - datetime.timedelta(days=1)

    response = editor_client.post(
        f"/admin/articles/article/{article.pk}/change/",
        admin_change_form(
            article, expires_at_0=day_before.strftime("%Y-%m-%d"), expires_at_1=day_before.strftime("%H:%M:%S")
        ),
    )

    assert response.status_code == 200
    assert "expires_at" in response.context["adminform"].form.errors
    article.refresh_from_db()
    assert article.expires_at is None


def test_an_editor_sets_an_expiry_in_the_form(editor_client):
    article = make_article()
    next_week = timezone.localtime() + datetime.timedelta(days=7)

    response = editor_client.post(
        f"/admin/articles/article/{article.pk}/change/",
        admin_change_form(
            article, expires_at_0=next_week.strftime("%Y-%m-%d"), expires_at_1=next_week.strftime("%H:%M:%S")
        ),
    )

    assert response.status_code == 302
    article.refresh_from_db()
    assert article.expires_at.replace(microsecond=0) == next_week.replace(microsecond=0)
