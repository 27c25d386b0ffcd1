"""
A public page holds nothing about its reader, so a shared cache may keep it:
no page for an anonymous reader sets a cookie or varies on cookies.
"""

import pytest

from tests.factories import make_comment

pytestmark = pytest.mark.django_db


def public_pages(article):
    section, tag, author = article.section, article.tags.first(), article.bylines.first().author
    return {
        "home": "/en/",
        "home (hy)": "/hy/",
        "section": section.get_absolute_url("en"),
        "article": article.get_absolute_url("en"),
        "article (hy)": article.get_absolute_url("hy"),
        "tag": tag.get_absolute_url("en"),
        "author": author.get_absolute_url("hy"),
        "month": article.published_at.strftime("/en/%Y/%m/"),
        "not found": "/en/no-such-section/",
    }


def test_no_public_page_sets_a_cookie_or_varies_on_cookies_for_an_anonymous_reader(client, article):
    make_comment(article)
    # A reader who once visited the admin's login page carries a CSRF cookie: still nothing is set.
    client.cookies["csrftoken"] = "x" * 32

    for name, path in public_pages(article).items():
        response = client.get(path)

        assert response.status_code in (200, 404), name
        assert not response.cookies, name
        assert "Cookie" not in response.get("Vary", ""), name
