"""
Editors' text ends up inside attributes and inside a <script> element: a
hostile title, summary or name must stay text there, as Django's json_script
keeps it, and read back exactly as written.
"""

import pytest

from tests.factories import make_article, make_author, make_section, make_tag
from tests.metadata.parsing import parse_head

pytestmark = pytest.mark.django_db

HOSTILE = '</script><script>alert("owned")</script><!-- \' " & <b>'


def test_a_hostile_title_stays_text_in_the_structured_data_and_the_attributes(client):
    section = make_section(name_en=f"Section {HOSTILE}")
    article = make_article(
        title=HOSTILE,
        section=section,
        authors=[make_author(name_en=f"Author {HOSTILE}")],
        tags=[make_tag(name_en=f"Tag {HOSTILE}")],
        summary_en=f"Summary {HOSTILE}",
    )

    html = client.get(article.get_absolute_url("en")).content.decode()
    head = parse_head(html)

    assert "<script>alert" not in html and "<b>" not in html
    # Every <script> in the head is one of the two data blocks: none was opened by the text.
    assert html.split("</head>")[0].count("<script") == 2
    for script in head.scripts:
        assert "<" not in script and ">" not in script and "&" not in script
    data = head.structured("NewsArticle")
    assert data["headline"] == article.title_en
    assert data["description"] == f"Summary {HOSTILE}"
    assert data["articleSection"] == f"Section {HOSTILE}"
    assert data["author"][0]["name"] == f"Author {HOSTILE}"
    assert data["keywords"] == [f"Tag {HOSTILE}"]
    assert head.title == f"{article.title_en} – Newsroom"
    assert head.one("og:title") == article.title_en
    assert head.one("description") == head.one("og:description") == f"Summary {HOSTILE}"
    assert head.one("article:section") == f"Section {HOSTILE}"
    assert head.all("article:tag") == [f"Tag {HOSTILE}"]
    assert head.structured("BreadcrumbList")["itemListElement"][2]["name"] == article.title_en


def test_a_hostile_section_description_stays_text_on_its_page(client):
    section = make_section(description_en=HOSTILE)

    html = client.get(section.get_absolute_url("en")).content.decode()
    head = parse_head(html)

    assert html.split("</head>")[0].count("<script") == 1
    assert head.one("description") == head.one("og:description") == HOSTILE
