"""
Nothing a page loads comes from outside the site: no CDN, web font, avatar or
script from elsewhere, on the public pages or in the editors' admin.
"""

from html.parser import HTMLParser
from pathlib import Path

import pytest
from django.contrib.staticfiles import finders

from comments.models import Comment
from tests.factories import jpeg_bytes, make_article, make_editor

pytestmark = pytest.mark.django_db

# Elements and attributes whose address the browser fetches on its own.
FETCHED = {
    "script": ["src"],
    "link": ["href"],
    "img": ["src", "srcset"],
    "source": ["src", "srcset"],
    "iframe": ["src"],
    "video": ["src", "poster"],
    "audio": ["src"],
}


class FetchedAddresses(HTMLParser):
    def __init__(self):
        super().__init__()
        self.addresses: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "link" and dict(attrs).get("rel") in {"alternate", "canonical"}:
            return  # addresses of this page in other languages, named for crawlers, not fetched
        for name, value in attrs:
            if name in FETCHED.get(tag, []) and value:
                candidates = value.split(",") if name == "srcset" else [value]
                self.addresses += [candidate.strip().split(" ")[0] for candidate in candidates]


def outside_addresses(html: str) -> list[str]:
    parser = FetchedAddresses()
    parser.feed(html)
    own = ("http://testserver/", "https://testserver/")
    return [
        address
        for address in parser.addresses
        if address.startswith(("http:", "https:", "//")) and not address.startswith(own)
    ]


@pytest.fixture
def illustrated_article(settings):
    from django.core.files.base import ContentFile

    article = make_article()
    article.image.save("map.jpg", ContentFile(jpeg_bytes(size=(1000, 600))), save=False)
    article.image_alt_en = article.image_alt_hy = "A map"
    article.save()
    Comment.objects.create(
        article=article, name="Reader", email="reader@example.org", text="See https://example.org/", status="approved"
    )
    return article


def test_public_pages_load_nothing_from_outside_the_site(client, illustrated_article):
    pages = [
        "/en/",
        "/hy/",
        illustrated_article.section.get_absolute_url("en"),
        illustrated_article.get_absolute_url("en"),
        illustrated_article.get_absolute_url("hy"),
        "/en/no-such-page/",
    ]

    found = {page: outside_addresses(client.get(page).content.decode()) for page in pages}

    assert found == {page: [] for page in pages}


def test_the_editors_admin_loads_nothing_from_outside_the_site(client, illustrated_article):
    client.force_login(make_editor())
    pages = [
        "/admin/",
        "/admin/articles/article/",
        "/admin/articles/article/add/",
        f"/admin/articles/article/{illustrated_article.pk}/change/",
        "/admin/articles/section/add/",
    ]

    found = {page: outside_addresses(client.get(page).content.decode()) for page in pages}

    assert found == {page: [] for page in pages}


@pytest.mark.parametrize(
    "stylesheet",
    [
        "css/site.css",
        "django_prose_editor/editor.css",
        "django_prose_editor/material-icons.css",
        "modeltranslation/css/tabbed_translation_fields.css",
    ],
)
def test_stylesheets_import_nothing_from_outside_the_site(stylesheet):
    text = Path(finders.find(stylesheet)).read_text(encoding="utf-8")

    assert "url(http" not in text.replace(" ", "") and "url(//" not in text.replace(" ", "")
    assert "@import" not in text or "http" not in text.split("@import", 1)[1].split(";", 1)[0]


def test_the_check_sees_an_address_from_elsewhere():
    assert outside_addresses(
        '<script src="https://cdn.example.net/x.js"></script><img srcset="/a.webp 1x, //cdn/b 2x">'
    ) == [
        "https://cdn.example.net/x.js",
        "//cdn/b",
    ]
