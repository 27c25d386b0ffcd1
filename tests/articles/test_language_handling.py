"""Which language a reader gets, and how every page leads to the same page in the other language."""

import re

import pytest
from django.test import RequestFactory
from django.utils import translation
from django.views.defaults import server_error

from tests.factories import make_article, make_section, make_tag

pytestmark = pytest.mark.django_db


def language_switch(html: str) -> dict[str, str]:
    """The language switch's links, by language code."""
    nav = re.search(r'<nav class="language-switch".*?</nav>', html, re.S).group(0)
    return dict((code, url) for url, code in re.findall(r'<a href="([^"]*)" hreflang="([^"]+)"', nav))


def hreflang_alternates(html: str) -> dict[str, str]:
    return {code: url for code, url in re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]*)"', html)}


def test_root_redirects_to_the_default_language(client):
    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/en/"


def test_root_redirects_to_the_language_in_the_cookie(client):
    client.cookies["django_language"] = "hy"

    response = client.get("/")

    assert response.status_code == 302
    assert response["Location"] == "/hy/"


def test_root_redirects_to_the_language_the_browser_asks_for(client):
    response = client.get("/", headers={"accept-language": "hy,en;q=0.5"})

    assert response.status_code == 302
    assert response["Location"] == "/hy/"


def test_root_prefers_the_cookie_to_the_browsers_language(client):
    client.cookies["django_language"] = "en"

    response = client.get("/", headers={"accept-language": "hy"})

    assert response["Location"] == "/en/"


def test_root_ignores_a_browser_language_the_site_does_not_have(client):
    response = client.get("/", headers={"accept-language": "fr"})

    assert response["Location"] == "/en/"


@pytest.mark.parametrize("language", ["en", "hy"])
def test_pages_declare_their_language_on_the_html_element(client, language):
    response = client.get(f"/{language}/")

    assert f'<html lang="{language}">' in response.content.decode()


def test_unknown_page_answers_404_in_the_pages_language(client):
    response = client.get("/hy/no-such-section/")

    page = response.content.decode()
    assert response.status_code == 404
    assert '<html lang="hy">' in page
    error_page = re.search(r'<section class="error-page">.*?</section>', page, re.S).group(0)
    assert 'href="/hy/"' in error_page  # its own way home, not only the site name in the header


def test_unknown_page_in_armenian_speaks_armenian(client):
    response = client.get("/hy/no-such-section/no-such-article/extra/")

    assert "Էջը չի գտնվել" in response.content.decode()


def test_server_error_page_is_in_the_pages_language():
    request = RequestFactory().get("/hy/")

    with translation.override("hy"):
        response = server_error(request)

    page = response.content.decode()
    assert response.status_code == 500
    assert '<html lang="hy">' in page
    assert "Something went wrong" not in page
    assert 'href="/hy/"' in page


def test_article_in_a_language_it_lacks_answers_in_the_asked_language(client):
    english_only = make_article(languages=("en",))

    response = client.get(f"/hy/{english_only.section.slug_hy}/{english_only.slug_en}/")

    assert '<html lang="hy">' in response.content.decode()


def test_language_switch_on_an_article_points_to_the_same_article_in_the_other_language(client):
    article = make_article(languages=("en", "hy"))

    response = client.get(article.get_absolute_url("en"))

    assert language_switch(response.content.decode()) == {"hy": article.get_absolute_url("hy")}


def test_language_switch_on_an_article_points_to_the_other_languages_home_where_the_article_lacks_it(client):
    article = make_article(languages=("en",))

    response = client.get(article.get_absolute_url("en"))

    assert language_switch(response.content.decode()) == {"hy": "/hy/"}


def test_language_switch_on_a_section_points_to_the_same_section(client):
    section = make_section()

    response = client.get(section.get_absolute_url("hy"))

    assert language_switch(response.content.decode()) == {"en": section.get_absolute_url("en")}


def test_language_switch_on_the_home_page_points_to_the_other_home(client):
    response = client.get("/en/")

    assert language_switch(response.content.decode()) == {"hy": "/hy/"}


def test_language_switch_on_a_month_archive_points_to_the_same_month(client):
    response = client.get("/hy/2022/10/")

    assert language_switch(response.content.decode()) == {"en": "/en/2022/10/"}


def test_language_switch_is_on_the_404_page(client):
    response = client.get("/en/no-such-section/")

    assert language_switch(response.content.decode()) == {"hy": "/hy/"}


def test_article_page_has_hreflang_alternates_for_every_available_language_and_x_default(client):
    article = make_article(languages=("en", "hy"))

    response = client.get(article.get_absolute_url("hy"))

    assert hreflang_alternates(response.content.decode()) == {
        "en": f"http://testserver{article.get_absolute_url('en')}",
        "hy": f"http://testserver{article.get_absolute_url('hy')}",
        "x-default": f"http://testserver{article.get_absolute_url('en')}",
    }


def test_article_page_has_no_hreflang_for_a_language_the_article_lacks(client):
    article = make_article(languages=("hy",))

    response = client.get(article.get_absolute_url("hy"))

    assert hreflang_alternates(response.content.decode()) == {
        "hy": f"http://testserver{article.get_absolute_url('hy')}",
        "x-default": f"http://testserver{article.get_absolute_url('hy')}",
    }


def test_english_article_offers_click_to_view_the_article_in_armenian(client):
    article = make_article(languages=("en", "hy"))

    response = client.get(article.get_absolute_url("en"))

    assert (
        f'<a href="{article.get_absolute_url("hy")}" hreflang="hy">Click to view the article in Armenian</a>'
        in response.content.decode()
    )


def test_armenian_article_offers_its_english_counterpart_in_armenian(client):
    article = make_article(languages=("en", "hy"))

    response = client.get(article.get_absolute_url("hy"))

    page = response.content.decode()
    assert f'<a href="{article.get_absolute_url("en")}" hreflang="en">' in page
    assert "Click to view the article in English" not in page


def test_article_without_a_translation_offers_no_click_to_view_line(client):
    article = make_article(languages=("en",))

    response = client.get(article.get_absolute_url("en"))

    assert "Click to view the article in" not in response.content.decode()


def test_article_page_shows_only_tags_named_in_its_language(client):
    shared = make_tag("Elections")
    english_only = make_tag("Budget", name_hy="", slug_hy=None)
    article = make_article(tags=[shared, english_only])

    response = client.get(article.get_absolute_url("hy"))

    assert response.context["tags"] == [shared]
