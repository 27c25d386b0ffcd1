"""
Whatever arrives in ``?q=``, the reader gets a normal page in their language
(never a 500), the database receives only words as data, and the work stays
bounded: queries are cut to MAX_QUERY_CHARACTERS and MAX_QUERY_WORDS.
"""

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from articles.models import Article
from search.query import MAX_QUERY_CHARACTERS, MAX_QUERY_WORDS, SearchTerms
from tests.factories import make_article

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("uncached")]

HOSTILE = [
    "",
    " ",
    "\x00",
    "vote\x00s",
    "'",
    '"',
    "\\",
    "' OR 1=1 --",
    "'; DROP TABLE articles_article; --",
    "Robert'); DROP TABLE search_article_en;--",
    "1 UNION SELECT password FROM auth_user",
    "NEAR(dialogue level, 3)",
    "dialogue AND OR NOT level",
    "title:dialogue",
    "{title summary}: dialogue",
    "^dialogue",
    "*",
    "dialogue*",
    '"unterminated',
    "dialogue:*",
    "dialogue:*AB",
    "!dialogue",
    "!!!",
    "&|!()<->",
    "dialogue <-> level",
    "dialogue <2> level",
    "'dialogue':* & !'level'",
    "(((",
    ")))",
    "%",
    "_",
    "%_%",
    "<script>alert(1)</script>",
    "\ue000dialogue\ue001",
    "𝔡𝔦𝔞𝔩𝔬𝔤𝔲𝔢",
    "😀🗳️",
    "中文搜索",
    "مرحبا بالعالم",
    "Ընտրություն։ «Երկխոսություն»",
    "e\u0301lection",
    "\u200b\u200d\ufeff",
    "dialogue " * 1000,
    "d" * 100_000,
]


@pytest.fixture
def newsroom(db):
    return make_article(title_en="A new level of dialogue", body_en="<p>Dialogue resumed.</p>")


@pytest.mark.parametrize("language", ["en", "hy"])
@pytest.mark.parametrize("query", HOSTILE, ids=lambda query: repr(query[:30]))
def test_a_hostile_query_gets_a_normal_page(client, newsroom, query, language):
    response = client.get(f"/{language}/search/", {"q": query})

    assert response.status_code == 200
    page = response.content.decode()
    assert f'<html lang="{language}">' in page
    assert 'name="q"' in page
    assert "<script>alert" not in page


def test_nothing_was_dropped(client, newsroom):
    for query in HOSTILE:
        client.get("/en/search/", {"q": query})

    assert Article.objects.count() == 1
    assert client.get("/en/search/", {"q": "dialogue"}).context["page_obj"].paginator.count == 1


@pytest.mark.parametrize(
    "raw_query",
    ["q=%FF%FE%00", "q=%ED%A0%80", "q=a&q=dialogue", "q[]=dialogue", "q", "q=&page=-1", "q=%25%27%22", "page=2"],
)
def test_malformed_query_strings_get_a_normal_page(client, newsroom, raw_query):
    assert client.get(f"/en/search/?{raw_query}").status_code == 200


def test_a_long_query_is_cut_and_the_reader_is_told(client, newsroom):
    response = client.get("/en/search/", {"q": "dialogue " + "x" * 1000})

    assert response.status_code == 200
    assert len(response.context["terms"].text) <= MAX_QUERY_CHARACTERS
    assert "only its beginning was used" in response.content.decode()


def test_only_the_first_words_are_searched():
    terms = SearchTerms.parse(" ".join(f"word{n}" for n in range(50)))

    assert terms.words == tuple(f"word{n}" for n in range(MAX_QUERY_WORDS))
    assert terms.cut


def test_punctuation_and_operators_are_only_word_boundaries():
    terms = SearchTerms.parse("'dialogue':* & !level <-> NEAR(peace) \"talks\"*")

    assert terms.words == ("dialogue", "level", "NEAR", "peace", "talks")
    assert not terms.cut


def test_punctuation_alone_is_a_search_for_nothing_with_a_clear_message(client, newsroom):
    response = client.get("/en/search/", {"q": "?!… — ..."})

    assert "results" not in response.context
    assert "punctuation alone finds nothing" in response.content.decode()


@settings(max_examples=150, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(max_size=300))
def test_any_text_at_all_gets_a_normal_page(client, newsroom, query):
    response = client.get("/en/search/", {"q": query})

    assert response.status_code == 200
    terms = response.context["terms"]
    assert len(terms.text) <= MAX_QUERY_CHARACTERS and len(terms.words) <= MAX_QUERY_WORDS


@settings(max_examples=100, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=st.text(alphabet=st.characters(categories=["L", "N", "P", "S", "Zs"]), min_size=1, max_size=60))
def test_any_words_at_all_search_without_error_in_armenian(client, newsroom, query):
    assert client.get("/hy/search/", {"q": query}).status_code == 200
