"""Every public page answers with the right status code, in both languages, whatever the address holds."""

import datetime
import zoneinfo

import pytest
from django.utils import timezone

from articles.models import Article
from tests.factories import make_article, make_author, make_section

pytestmark = pytest.mark.django_db

LANGUAGES = ["en", "hy"]


@pytest.fixture
def crowded_section(settings):
    """A section with three pages of articles, two to a page."""
    settings.ARTICLES_PER_PAGE = 2
    section = make_section()
    for _ in range(5):
        make_article(section=section)
    return section


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_answers_200(client, article, language):
    response = client.get(f"/{language}/")

    assert response.status_code == 200
    assert response.context["lead"] == article


@pytest.mark.parametrize("language", LANGUAGES)
def test_home_page_answers_200_with_no_articles_at_all(client, language):
    response = client.get(f"/{language}/")

    assert response.status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_section_page_answers_200(client, article, language):
    response = client.get(article.section.get_absolute_url(language))

    assert response.status_code == 200
    assert list(response.context["page_obj"]) == [article]


@pytest.mark.parametrize("language", LANGUAGES)
def test_section_second_page_shows_older_articles(client, crowded_section, language):
    response = client.get(crowded_section.get_absolute_url(language) + "?page=2")

    assert response.status_code == 200
    assert response.context["page_obj"].number == 2


@pytest.mark.parametrize("page", ["abc", "", "1.5", "%00"])
def test_section_with_a_page_that_is_not_a_whole_number_shows_the_first_page(client, crowded_section, page):
    response = client.get(crowded_section.get_absolute_url("en") + f"?page={page}")

    assert response.status_code == 200
    assert response.context["page_obj"].number == 1


@pytest.mark.parametrize("page", ["999", "0", "-1"])
def test_section_with_a_page_out_of_range_shows_the_last_page(client, crowded_section, page):
    response = client.get(crowded_section.get_absolute_url("en") + f"?page={page}")

    assert response.status_code == 200
    assert response.context["page_obj"].number == 3


def test_section_with_a_page_too_large_for_any_integer_type_never_fails(client, crowded_section):
    response = client.get(crowded_section.get_absolute_url("en") + "?page=" + "9" * 400)

    assert response.status_code == 200


@pytest.mark.parametrize("language", LANGUAGES)
def test_unknown_section_answers_404(client, language):
    response = client.get(f"/{language}/no-such-section/")

    assert response.status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_article_page_answers_200(client, article, language):
    response = client.get(article.get_absolute_url(language))

    assert response.status_code == 200
    assert response.context["article"] == article


def test_article_page_shows_the_title_in_the_page_language(client, article):
    english = client.get(article.get_absolute_url("en")).content.decode()
    armenian = client.get(article.get_absolute_url("hy")).content.decode()

    assert f"<h1>{article.title_en}</h1>" in english
    assert f"<h1>{article.title_hy}</h1>" in armenian


def test_article_page_shows_section_label_authors_and_body(client):
    section = make_section("News Explained")
    author = make_author("Anna Petrosyan")
    article = make_article(section=section, authors=[author], body_en="<p>Names in Latin and Հայերեն.</p>")

    page = client.get(article.get_absolute_url("en")).content.decode()

    assert f'<p class="section-label"><a href="{section.get_absolute_url("en")}">{section.name_en}</a></p>' in page
    assert author.name_en in page
    assert "<p>Names in Latin and Հայերեն.</p>" in page


def test_article_page_shows_the_date_as_day_month_year_with_slashes(client):
    yerevan = zoneinfo.ZoneInfo("Asia/Yerevan")
    # 21:30 on the 4th in UTC: the date shown is Yerevan's.
    article = make_article(published_at=datetime.datetime(2022, 10, 5, 1, 30, tzinfo=yerevan))

    english = client.get(article.get_absolute_url("en")).content.decode()
    armenian = client.get(article.get_absolute_url("hy")).content.decode()

    assert "05 / 10 / 2022" in english
    assert "05 / 10 / 2022" in armenian


@pytest.mark.parametrize("language", LANGUAGES)
def test_tag_page_answers_200(client, article, language):
    tag = article.tags.get()

    response = client.get(tag.get_absolute_url(language))

    assert response.status_code == 200
    assert list(response.context["page_obj"]) == [article]


@pytest.mark.parametrize("language", LANGUAGES)
def test_author_page_answers_200(client, article, language):
    author = article.authors.get()

    response = client.get(author.get_absolute_url(language))

    assert response.status_code == 200
    assert list(response.context["page_obj"]) == [article]


@pytest.mark.parametrize("path", ["/en/tags/no-such-tag/", "/hy/authors/no-such-author/"])
def test_unknown_tag_or_author_answers_404(client, path):
    response = client.get(path)

    assert response.status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_month_archive_lists_that_months_articles(client, language):
    yerevan = zoneinfo.ZoneInfo("Asia/Yerevan")
    october = make_article(published_at=datetime.datetime(2022, 10, 31, 23, 30, tzinfo=yerevan))
    make_article(published_at=datetime.datetime(2022, 11, 1, 0, 30, tzinfo=yerevan))

    response = client.get(f"/{language}/2022/10/")

    assert response.status_code == 200
    assert list(response.context["page_obj"]) == [october]


@pytest.mark.parametrize("language", LANGUAGES)
def test_month_archive_of_the_current_month_answers_200(client, language):
    now = timezone.localtime()

    response = client.get(f"/{language}/{now:%Y}/{now:%m}/")

    assert response.status_code == 200


@pytest.mark.parametrize(
    "path",
    [
        "/en/2026/13/",
        "/hy/2026/0/",
        "/en/0/1/",
        "/en/99999/1/",
        "/en/2026/99999999999999999999/",
        # The first and last months of the calendar: their end or their UTC start is no longer a date.
        "/en/9999/12/",
        "/hy/1/1/",
    ],
)
def test_month_archive_of_an_impossible_month_answers_404(client, path):
    response = client.get(path)

    assert response.status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_draft_article_answers_404(client, language):
    draft = make_article(status=Article.Status.DRAFT)

    response = client.get(draft.get_absolute_url(language))

    assert response.status_code == 404


@pytest.mark.parametrize("language", LANGUAGES)
def test_scheduled_article_answers_404_before_its_time(client, language):
    scheduled = make_article(published_at=timezone.now() + datetime.timedelta(hours=1))

    response = client.get(scheduled.get_absolute_url(language))

    assert response.status_code == 404


def test_draft_article_is_not_found_by_its_slug_in_another_language_either(client):
    draft = make_article(status=Article.Status.DRAFT)

    response = client.get(f"/en/{draft.section.slug_en}/{draft.slug_hy}/")

    assert response.status_code == 404


def test_article_in_a_language_it_lacks_answers_404(client):
    english_only = make_article(languages=("en",))

    response = client.get(f"/hy/{english_only.section.slug_hy}/{english_only.slug_en}/")

    assert response.status_code == 404


def test_article_in_a_language_it_lacks_links_to_the_languages_it_has(client):
    english_only = make_article(languages=("en",))

    response = client.get(f"/hy/{english_only.section.slug_hy}/{english_only.slug_en}/")

    assert f'href="{english_only.get_absolute_url("en")}"' in response.content.decode()


def test_article_asked_for_by_its_slug_in_another_language_redirects_to_this_languages_address(client, article):
    response = client.get(f"/en/{article.section.slug_en}/{article.slug_hy}/")

    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url("en")


def test_article_under_its_old_slug_redirects_permanently_to_the_new_address(client, article):
    old_url = article.get_absolute_url("en")
    article.slug_en = "a-better-slug"
    article.save()

    response = client.get(old_url)

    assert response.status_code == 301
    assert response["Location"] == f"/en/{article.section.slug_en}/a-better-slug/"


def test_old_slug_in_one_language_does_not_redirect_in_another(client, article):
    old_slug = article.slug_hy
    article.slug_hy = "nor-hasce"
    article.save()

    response = client.get(f"/hy/{article.section.slug_hy}/{old_slug}/")

    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url("hy")


def test_a_slug_given_back_to_its_article_answers_200_not_a_redirect_loop(client, article):
    original = article.slug_en
    article.slug_en = "temporary"
    article.save()
    article.slug_en = original
    article.save()

    response = client.get(article.get_absolute_url("en"))

    assert response.status_code == 200


def test_article_under_the_wrong_section_redirects_permanently_to_its_section(client, article):
    other = make_section()

    response = client.get(f"/en/{other.slug_en}/{article.slug_en}/")

    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url("en")


def test_article_under_its_old_section_redirects_permanently_to_its_new_section(client, article):
    old_url = article.get_absolute_url("hy")
    article.section = make_section()
    article.save()

    response = client.get(old_url)

    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url("hy")


def test_article_under_an_unknown_section_redirects_to_its_section(client, article):
    response = client.get(f"/en/no-such-section/{article.slug_en}/")

    assert response.status_code == 301
    assert response["Location"] == article.get_absolute_url("en")


@pytest.mark.parametrize("language", LANGUAGES)
def test_unknown_article_answers_404(client, article, language):
    response = client.get(f"/{language}/{article.section.slug_in(language)}/no-such-article/")

    assert response.status_code == 404


@pytest.mark.parametrize(
    "path", ["/en/a/b/c/d/", "/hy/%D5%A1%D5%A2/x/y/", "/en/tags/", "/en/authors/", "/hy/2022/10/05/"]
)
def test_unknown_pages_answer_404(client, path):
    response = client.get(path)

    assert response.status_code == 404


def test_preview_shows_a_draft_to_staff(client, admin_user):
    draft = make_article(status=Article.Status.DRAFT)
    client.force_login(admin_user)

    response = client.get(draft.get_preview_url("en"))

    assert response.status_code == 200
    assert response.context["preview"] is True


def test_preview_is_not_for_anonymous_readers(client):
    draft = make_article(status=Article.Status.DRAFT)

    response = client.get(draft.get_preview_url("en"))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_armenian_home_leaves_out_an_armenian_article_whose_section_has_no_armenian_address(client):
    english_section = make_section(languages=("en",))
    article = make_article(section=english_section)

    response = client.get("/hy/")

    assert response.status_code == 200
    assert article.title_hy not in response.content.decode()


def test_old_slug_of_a_translation_since_removed_answers_404_with_the_languages_left(client, article):
    old_url = article.get_absolute_url("hy")
    article.title_hy, article.slug_hy, article.body_hy = "", None, ""
    article.save()

    response = client.get(old_url)

    assert response.status_code == 404
    assert f'href="{article.get_absolute_url("en")}"' in response.content.decode()


def test_favicon_ico_points_to_the_sites_own_icon(client):
    response = client.get("/favicon.ico")

    assert response.status_code == 301
    assert response["Location"].endswith("favicon.svg")
