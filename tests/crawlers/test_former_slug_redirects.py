"""Renamed sections, tags and authors: their old addresses answer 301 to the new ones, in the same language."""

import pytest

from articles.models import Article, FormerSlug, Section, Tag
from tests.factories import make_author, make_section, make_tag

pytestmark = pytest.mark.django_db


def rename(row, language: str, slug: str):
    setattr(row, f"slug_{language}", slug)
    row.save()
    return row


@pytest.mark.parametrize("language", ["en", "hy"])
def test_renamed_section_answers_301_from_its_old_address(client, language):
    section = make_section()
    old_url = section.get_absolute_url(language)
    rename(section, language, "renamed-section")

    response = client.get(old_url)

    assert response.status_code == 301
    assert response["Location"] == f"/{language}/renamed-section/"


def test_renamed_section_keeps_the_page_asked_for(client):
    section = make_section()
    old_url = section.get_absolute_url("en")
    rename(section, "en", "analysis")

    response = client.get(old_url + "?page=2&utm_source=x")

    assert response.status_code == 301
    assert response["Location"] == "/en/analysis/?page=2"


def test_article_under_a_renamed_sections_old_slug_answers_301_to_its_address(client, article):
    old_url = article.get_absolute_url("hy")
    rename(article.section, "hy", "verlucutyun")
    article.refresh_from_db()

    response = client.get(old_url)

    assert response.status_code == 301
    assert response["Location"] == f"/hy/verlucutyun/{article.slug_hy}/"


def test_article_renamed_under_a_renamed_section_answers_301_to_its_address(client, article):
    old_url = article.get_absolute_url("en")
    rename(article.section, "en", "analysis")
    article = Article.objects.get(pk=article.pk)
    rename(article, "en", "a-new-title")

    response = client.get(old_url)

    assert response.status_code == 301
    assert response["Location"] == "/en/analysis/a-new-title/"


@pytest.mark.parametrize("language", ["en", "hy"])
def test_renamed_tag_answers_301_from_its_old_address(client, language):
    tag = make_tag()
    old_url = tag.get_absolute_url(language)
    rename(tag, language, "vote")

    response = client.get(old_url)

    assert response.status_code == 301
    assert response["Location"] == f"/{language}/tags/vote/"


@pytest.mark.parametrize("language", ["en", "hy"])
def test_renamed_author_answers_301_from_its_old_address(client, language):
    author = make_author()
    old_url = author.get_absolute_url(language)
    rename(author, language, "anna-p")

    response = client.get(old_url)

    assert response.status_code == 301
    assert response["Location"] == f"/{language}/authors/anna-p/"


def test_former_slug_in_one_language_does_not_redirect_in_the_other(client):
    tag = make_tag(slug_en="budget")
    rename(tag, "en", "budgets")

    response = client.get("/hy/tags/budget/")

    assert response.status_code == 404


def test_slug_given_back_answers_200_not_a_redirect_loop(client):
    section = make_section(slug_en="news")
    rename(section, "en", "updates")
    rename(section, "en", "news")

    response = client.get("/en/news/")

    assert response.status_code == 200
    assert not FormerSlug.objects.filter(slug="news").exists()


def test_slug_taken_over_by_another_section_serves_that_section(client):
    first = make_section(slug_en="economy")
    rename(first, "en", "economics")
    second = make_section(slug_en="economy")

    response = client.get("/en/economy/")

    assert response.status_code == 200
    assert response.context["section"] == second


def test_a_tag_and_a_section_may_each_have_left_the_same_slug(client):
    section, tag = make_section(slug_en="climate"), make_tag(slug_en="climate")
    rename(section, "en", "environment")
    rename(tag, "en", "weather")

    assert client.get("/en/climate/")["Location"] == "/en/environment/"
    assert client.get("/en/tags/climate/")["Location"] == "/en/tags/weather/"


def test_a_former_slug_goes_with_its_row(client):
    tag = rename(make_tag(), "en", "short-lived")
    tag.delete()

    assert not FormerSlug.objects.exists()
    assert client.get("/en/tags/short-lived/").status_code == 404


def test_section_slug_in_another_language_answers_301_to_this_languages_address(client):
    section = make_section()

    response = client.get(f"/en/{section.slug_hy}/")

    assert response.status_code == 301
    assert response["Location"] == section.get_absolute_url("en")


def test_renamed_section_without_an_address_in_this_language_answers_404(client):
    section = make_section(languages=("en",))
    rename(section, "en", "english-only")

    response = client.get(f"/hy/{Section.objects.get().slug_en}/")

    assert response.status_code == 404


def test_unknown_tag_still_answers_404(client):
    make_tag()

    assert client.get("/en/tags/no-such-tag/").status_code == 404


def test_a_former_slug_finds_only_its_own_kind_of_row(article):
    old_slug = article.slug_en
    rename(article, "en", "another")

    assert list(Article.objects.by_former_slug(old_slug, "en")) == [article]
    assert list(Tag.objects.by_former_slug(old_slug, "en")) == []
    assert FormerSlug.objects.get().owner == article
