"""
The site's name, tagline and logo come from settings, per language: the
header, every title, the footer, Open Graph, the structured data and the
moderators' email all follow them, and other apps read the name through
metadata.identity.site_name(language).
"""

import re

import pytest
from django.utils.translation import override

from metadata.identity import per_language, site_name, site_tagline, static_image_size, translated_setting
from tests.factories import make_article, post_comment
from tests.metadata.parsing import parse_head


@pytest.mark.parametrize(
    ("raw", "parsed"),
    [
        ("", {}),
        ("Newsroom", {"*": "Newsroom"}),
        ("News, Views and Reviews", {"*": "News, Views and Reviews"}),
        ("en=Daily Ledger,hy=Օրագիր", {"en": "Daily Ledger", "hy": "Օրագիր"}),
        (" en = Daily Ledger , hy=Օրագիր ", {"en": "Daily Ledger", "hy": "Օրագիր"}),
        ("en=Daily Ledger, and more", {"*": "en=Daily Ledger, and more"}),
    ],
)
def test_a_setting_is_one_value_or_one_per_language(raw, parsed):
    assert per_language(raw) == parsed


def test_a_language_the_setting_leaves_out_gets_the_translated_default():
    name = translated_setting("hy=Օրագիր", "Newsroom")

    with override("hy"):
        assert str(name) == "Օրագիր"
    with override("en"):
        assert str(name) == "Newsroom"


def test_the_name_and_tagline_default_to_the_interface_catalogue():
    assert site_name("en") == "Newsroom"
    assert site_tagline("en") == "Independent analysis in two languages"
    assert site_tagline("hy") == "Անկախ վերլուծություն երկու լեզվով"


@pytest.fixture
def ledger(settings):
    settings.SITE_NAME = translated_setting("en=Daily Ledger,hy=Օրագիր", "Newsroom")
    settings.SITE_TAGLINE = translated_setting("en=Facts first,hy=Նախ՝ փաստերը", "")
    settings.SITE_LOGO = translated_setting("hy=metadata/card.png", "metadata/logo.svg")


@pytest.mark.django_db
@pytest.mark.usefixtures("ledger")
@pytest.mark.parametrize(
    ("language", "name", "tagline"), [("en", "Daily Ledger", "Facts first"), ("hy", "Օրագիր", "Նախ՝ փաստերը")]
)
def test_a_configured_name_shows_everywhere_in_its_language(client, language, name, tagline):
    article = make_article()

    home = client.get(f"/{language}/").content.decode()
    page = client.get(article.get_absolute_url(language)).content.decode()

    assert site_name(language) == name
    assert parse_head(home).title == f"{name} – {tagline}"
    assert re.search(rf'<a class="site-name" href="/{language}/"><img [^>]*>{name}</a>', home)
    assert re.search(rf"<footer.*© \d{{4}} {name}[.։] {tagline}[.։]</p>", home, re.S)
    head = parse_head(page)
    assert head.title == f"{head.one('og:title')} – {name}"
    assert head.one("og:site_name") == name
    assert head.structured("NewsArticle")["publisher"]["name"] == name
    assert head.structured("BreadcrumbList")["itemListElement"][0]["name"] == name
    assert "Newsroom" not in home and "Newsroom" not in page


@pytest.mark.django_db
@pytest.mark.usefixtures("ledger")
def test_each_language_may_have_its_own_logo(client):
    english = client.get("/en/").content.decode()
    armenian = client.get("/hy/").content.decode()

    assert '<img src="/static/metadata/logo.svg" alt="" width="32" height="32">' in english
    assert '<img src="/static/metadata/card.png" alt="" width="32" height="32">' in armenian


@pytest.mark.django_db
def test_one_name_for_every_language(client, settings):
    settings.SITE_NAME = translated_setting("The Ledger", "Newsroom")

    assert site_name("en") == site_name("hy") == "The Ledger"
    assert parse_head(client.get("/hy/").content).one("og:site_name") == "The Ledger"


@pytest.mark.django_db
@pytest.mark.usefixtures("ledger")
def test_moderators_mail_is_subjected_with_the_sites_name(client, moderator, mailoutbox, run_tasks):
    post_comment(client, make_article())
    run_tasks()

    assert mailoutbox[0].subject.startswith("[Daily Ledger] ")


def test_the_default_logo_and_card_are_the_sizes_search_engines_and_networks_ask_for():
    assert static_image_size("metadata/publisher-logo.png") == (240, 240)
    assert static_image_size("metadata/card.png") == (1200, 630)
    assert static_image_size("metadata/no-such-file.png") is None
