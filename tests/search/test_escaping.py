"""
Nothing from the database or the query reaches a results page unescaped:
excerpts are built from text, matches marked with private markers, all of it
escaped, and only the markers become <mark>.
"""

import re

import pytest
from django.db import connection

from articles.models import Article
from search.excerpts import START, STOP, highlighted
from tests.factories import make_article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]

PAYLOAD = "<script>alert('xss')</script>"


def results_page(client, query: str, language: str = "en") -> str:
    response = client.get(f"/{language}/search/", {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def excerpts_of(page: str) -> list[str]:
    return re.findall(r'<p class="search-result__excerpt">(.*?)</p>', page, re.S)


def insert_unsanitised(**fields) -> Article:
    """
    An article whose body never went through save()'s sanitiser, as a careless
    import could leave one: bulk_create writes the row as given.
    """
    article = make_article(languages=("en",))
    Article.objects.filter(pk=article.pk).update(**fields)
    return article


def test_a_script_in_the_title_comes_out_escaped(client):
    make_article(languages=("en",), title_en=f"Breaking {PAYLOAD}", body_en="<p>Turnout figures.</p>")

    page = results_page(client, "turnout")

    assert PAYLOAD not in page
    assert "Breaking &lt;script&gt;alert(&#x27;xss&#x27;)&lt;/script&gt;" in page


def test_a_script_in_the_summary_comes_out_escaped(client):
    make_article(languages=("en",), summary_en=f"Turnout {PAYLOAD} rose.", body_en="<p>Figures.</p>")

    page = results_page(client, "turnout")

    assert PAYLOAD not in page
    assert "<mark>Turnout</mark> &lt;script&gt;" in page


def test_markup_in_an_unsanitised_body_never_reaches_the_excerpt(client):
    insert_unsanitised(
        body_en=f'<p>Turnout <img src=x onerror="alert(1)"> {PAYLOAD} <b onclick="alert(2)">rose</b></p>'
    )

    [excerpt] = excerpts_of(results_page(client, "turnout"))

    assert excerpt.startswith("<mark>Turnout</mark>")
    assert "<" not in excerpt.replace("<mark>", "").replace("</mark>", "")


def test_text_that_looks_like_markup_is_shown_as_written(client):
    make_article(languages=("en",), body_en="<p>Turnout: use &lt;b&gt; for bold &amp; keep it high.</p>")

    [excerpt] = excerpts_of(results_page(client, "turnout"))

    assert excerpt.startswith("<mark>Turnout</mark>: use &lt;b&gt; for bold &amp; keep it high")


def test_marker_characters_in_an_article_mark_nothing(client):
    make_article(
        languages=("en",),
        summary_en=f"{START}Fake{STOP} mark",
        body_en=f"<p>{START}Forged{STOP} and &#xe000;spelt&#xe001; turnout.</p>",
    )

    page = results_page(client, "turnout")

    assert page.count("<mark>") == page.count("</mark>") == 1
    assert "<mark>turnout</mark>" in page
    assert START not in page and STOP not in page


def test_the_query_is_shown_escaped(client):
    page = results_page(client, f'"><img src=x onerror=alert(1)>{PAYLOAD}')

    assert "<img src=x" not in page and PAYLOAD not in page
    assert "&quot;&gt;&lt;img src=x onerror=alert(1)&gt;" in page


def test_an_armenian_excerpt_is_escaped_too(client):
    make_article(languages=("hy",), body_hy=f"<p>Քվեարկություն {PAYLOAD.replace('<', '&lt;')}</p>")

    page = results_page(client, "Քվեարկություն", "hy")

    assert PAYLOAD not in page
    assert "<mark>Քվեարկություն</mark> &lt;script&gt;" in page


def test_highlighted_escapes_everything_but_the_markers():
    assert highlighted(f"a < b {START}&{STOP} c") == "a &lt; b <mark>&amp;</mark> c"
    # An unclosed mark is closed; a stray stop is dropped.
    assert highlighted(f"{STOP}x {START}y") == "x <mark>y</mark>"


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's index holds the body as text")
def test_sqlite_indexes_the_body_as_text(client):
    article = make_article(languages=("en",), body_en="<p>One&nbsp;<em>two</em> &amp; three</p>")

    with connection.cursor() as cursor:
        cursor.execute("SELECT body FROM search_article_en WHERE rowid = %s", [article.pk])
        assert cursor.fetchone() == ("One two & three",)
