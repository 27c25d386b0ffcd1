"""
The heads of every other public page: home (WebSite with its SearchAction),
section, tag, author and month pages (descriptions, canonical addresses that
keep the page number and nothing else, breadcrumbs, alternate locales), and
the pages not for indexing (404).
"""

import pytest
from django.utils import timezone

from tests.factories import make_article, make_author, make_section, make_tag
from tests.metadata.parsing import parse_head

pytestmark = pytest.mark.django_db


def head_of(client, url, status=200):
    response = client.get(url)
    assert response.status_code == status, url
    return parse_head(response.content)


@pytest.mark.parametrize(
    ("language", "locale", "alternate", "tagline"),
    [
        ("en", "en_US", "hy_AM", "Independent analysis in two languages"),
        ("hy", "hy_AM", "en_US", "Անկախ վերլուծություն երկու լեզվով"),
    ],
)
def test_the_home_page_is_the_site_with_its_search_action(client, language, locale, alternate, tagline):
    home = f"http://testserver/{language}/"

    head = head_of(client, f"/{language}/")

    assert head.title == f"Newsroom – {tagline}"
    assert head.canonical == home
    assert head.one("og:type") == "website"
    assert head.one("og:url") == home
    assert head.one("og:title") == "Newsroom"
    assert head.one("og:locale") == locale
    assert head.all("og:locale:alternate") == [alternate]
    assert head.one("og:image") == "http://testserver/static/metadata/card.png"
    assert head.one("description") == head.one("og:description") != ""
    site = head.structured("WebSite")
    assert site["@context"] == "https://schema.org"
    assert site["name"] == "Newsroom"
    assert site["url"] == home
    assert site["inLanguage"] == language
    assert site["publisher"]["logo"]["url"] == "http://testserver/static/metadata/publisher-logo.png"
    action = site["potentialAction"]
    assert action["@type"] == "SearchAction"
    assert action["target"] == {
        "@type": "EntryPoint",
        "urlTemplate": f"http://testserver/{language}/search/?q={{search_term_string}}",
    }
    assert action["query-input"] == "required name=search_term_string"


def test_the_home_page_is_described_in_armenian_on_the_armenian_site(client):
    english = head_of(client, "/en/").one("description")
    armenian = head_of(client, "/hy/").one("description")

    assert english == "Latest articles from Newsroom. Independent analysis in two languages."
    assert armenian != english and "վերջին" in armenian


def test_a_section_page_is_described_by_its_description_and_sits_under_home(client):
    section = make_section(description_en="Why things happen, explained.", description_hy="Ինչու են բաները լինում։")
    make_article(section=section)
    url = f"http://testserver{section.get_absolute_url('hy')}"

    head = head_of(client, section.get_absolute_url("hy"))

    assert head.title == f"{section.name_hy} – Newsroom"
    assert head.canonical == url
    assert head.one("description") == "Ինչու են բաները լինում։"
    assert head.one("og:type") == "website"
    assert head.one("og:title") == section.name_hy
    assert head.one("og:locale") == "hy_AM"
    assert head.all("og:locale:alternate") == ["en_US"]
    assert head.one("twitter:card") == "summary"
    assert "article:published_time" not in head.meta
    assert head.structured("BreadcrumbList")["itemListElement"] == [
        {"@type": "ListItem", "position": 1, "name": "Newsroom", "item": "http://testserver/hy/"},
        {"@type": "ListItem", "position": 2, "name": section.name_hy, "item": url},
    ]


def test_a_section_without_a_description_gets_a_sentence_in_the_readers_language(client):
    section = make_section()

    english = head_of(client, section.get_absolute_url("en")).one("description")
    armenian = head_of(client, section.get_absolute_url("hy")).one("description")

    assert english == f"The latest articles in {section.name_en}."
    assert section.name_hy in armenian and armenian != f"The latest articles in {section.name_hy}."


def test_an_english_only_section_names_no_armenian_alternate(client):
    section = make_section(languages=("en",))

    head = head_of(client, section.get_absolute_url("en"))

    assert "og:locale:alternate" not in head.meta


def test_a_tag_page_has_a_sentence_a_canonical_address_and_breadcrumbs(client):
    tag = make_tag()
    make_article(tags=[tag])
    url = f"http://testserver{tag.get_absolute_url('en')}"

    head = head_of(client, tag.get_absolute_url("en"))

    assert head.title == f"{tag.name_en} – Newsroom"
    assert head.canonical == head.one("og:url") == url
    assert head.one("description") == f"Articles tagged “{tag.name_en}”."
    assert [item["name"] for item in head.structured("BreadcrumbList")["itemListElement"]] == ["Newsroom", tag.name_en]


def test_an_author_page_is_described_by_the_biography_or_a_sentence(client):
    with_bio = make_author(bio_en="Covers water and energy.\n\nBased in Yerevan.")
    without_bio = make_author(name="Gor Ohanjanyan")

    described = head_of(client, with_bio.get_absolute_url("en"))
    plain = head_of(client, without_bio.get_absolute_url("en"))

    assert described.one("description") == "Covers water and energy. Based in Yerevan."
    assert plain.one("description") == f"Articles by {without_bio.name_en}."
    assert plain.title == f"{without_bio.name_en} – Newsroom"
    trail = plain.structured("BreadcrumbList")["itemListElement"]
    assert trail[-1]["item"] == f"http://testserver{without_bio.get_absolute_url('en')}"


def test_a_long_biography_is_cut_to_a_description(client):
    author = make_author(bio_en="A reporter who listens. " * 40)

    description = head_of(client, author.get_absolute_url("en")).one("description")

    assert len(description) <= 200 and description.endswith("…")


def test_a_month_page_has_its_canonical_address_in_every_language(client):
    article = make_article()
    month = timezone.localtime(article.published_at)
    path = f"/hy/{month.year}/{month.month}/"

    head = head_of(client, f"/hy/{month.year}/{month.month:02d}/")

    assert head.canonical == f"http://testserver{path}"
    assert head.title == f"{month:%m / %Y} – Newsroom"
    assert head.all("og:locale:alternate") == ["en_US"]
    assert month.strftime("%m / %Y") in head.one("description")


@pytest.mark.parametrize("kind", ["section", "tag", "author"])
def test_a_later_page_keeps_its_number_in_the_canonical_address_and_title(client, settings, kind):
    settings.ARTICLES_PER_PAGE = 2
    section, tag, author = make_section(), make_tag(), make_author()
    for _ in range(5):
        make_article(section=section, tags=[tag], authors=[author])
    subject = {"section": section, "tag": tag, "author": author}[kind]
    path = subject.get_absolute_url("en")

    second = head_of(client, f"{path}?page=2&utm_source=newsletter&fbclid=abc")
    beyond = head_of(client, f"{path}?page=99")
    junk = head_of(client, f"{path}?page=two")

    assert second.canonical == second.one("og:url") == f"http://testserver{path}?page=2"
    assert second.title == f"{subject.name_en} – Page 2 – Newsroom"
    assert beyond.canonical == f"http://testserver{path}?page=3"  # the last real page
    assert junk.canonical == f"http://testserver{path}"  # the first page names no number
    assert junk.title == f"{subject.name_en} – Newsroom"


def test_the_not_found_page_has_a_title_and_is_not_for_indexing(client):
    head = head_of(client, "/hy/no-such-section/", status=404)

    assert head.title.endswith(" – Newsroom") and head.title != " – Newsroom"
    assert head.all("robots") == ["noindex"]
    assert head.canonical is None and "og:url" not in head.meta and head.json_ld == []


def test_an_article_missing_in_this_language_is_not_for_indexing(client):
    article = make_article(languages=("en",))

    head = head_of(client, f"/hy/{article.section.slug_hy}/{article.slug_en}/", status=404)

    assert head.all("robots") == ["noindex"]
    assert head.canonical is None
