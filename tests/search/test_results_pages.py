"""
The results page as a page: paginated like every list (junk ``?page=`` gives
the nearest real page), a fixed number of queries however many articles
match, the empty search, the language switch, and the page cache.
"""

import pytest
from django.db import connection

from tests.factories import bulk_articles, make_article, make_section

pytestmark = pytest.mark.django_db

# navigation sections, how many match, the page's articles (ranked, with
# section and, on PostgreSQL, excerpts), their bylines with authors
POSTGRESQL_QUERIES = 4
# the same, and the page's excerpts from the FTS5 table
SQLITE_QUERIES = 5
SEARCH_QUERIES = POSTGRESQL_QUERIES if connection.vendor == "postgresql" else SQLITE_QUERIES
# navigation sections and how many match: with none, no page of articles is read
NO_MATCH_QUERIES = 2
# navigation sections only: an empty search reads no article
EMPTY_SEARCH_QUERIES = 1


def results(client, query: str, language: str = "en", **params):
    return client.get(f"/{language}/search/", {"q": query, **params})


@pytest.mark.usefixtures("uncached")
@pytest.mark.parametrize("language", ["en", "hy"])
def test_a_search_takes_a_fixed_number_of_queries_however_many_articles_match(
    client, django_assert_num_queries, language
):
    section = make_section()
    for size in (3, 300):
        bulk_articles(size - (3 if size > 3 else 0), section=section)
        with django_assert_num_queries(SEARCH_QUERIES):
            response = results(client, {"en": "bulk article", "hy": "Հոդված"}[language], language)
        assert response.context["page_obj"].paginator.count == size
        assert len(response.context["results"]) == min(size, 10)


@pytest.mark.usefixtures("uncached")
def test_a_search_with_no_match_takes_no_more_queries(client, django_assert_num_queries):
    bulk_articles(20)

    with django_assert_num_queries(NO_MATCH_QUERIES):
        response = results(client, "nowhere")

    assert response.context["page_obj"].paginator.count == 0


@pytest.mark.usefixtures("uncached")
def test_the_empty_search_page_reads_no_article(client, django_assert_num_queries):
    bulk_articles(5)

    with django_assert_num_queries(EMPTY_SEARCH_QUERIES):
        response = client.get("/en/search/")

    page = response.content.decode()
    assert response.status_code == 200
    assert '<input id="search-q" type="search" name="q" value=""' in page
    assert "results" not in response.context
    assert "search-results" not in page and "found" not in page


def test_results_are_paginated_and_the_links_keep_the_words(client, settings):
    settings.ARTICLES_PER_PAGE = 2
    bulk_articles(5)

    first = results(client, "bulk article")
    second = results(client, "bulk article", page=2)

    assert [r.article.title for r in first.context["results"]] == ["Bulk article 0", "Bulk article 1"]
    assert [r.article.title for r in second.context["results"]] == ["Bulk article 2", "Bulk article 3"]
    page = second.content.decode()
    assert 'href="?q=bulk+article&amp;page=1" rel="prev"' in page
    assert 'href="?q=bulk+article&amp;page=3" rel="next"' in page
    assert "Page 2 of 3" in page


@pytest.mark.parametrize(
    ("page", "expected"), [("junk", 1), ("0", 3), ("-4", 3), ("99", 3), ("2.5", 1), ("", 1), ("\x00", 1)]
)
def test_a_junk_page_number_gives_the_nearest_real_page(client, settings, page, expected):
    settings.ARTICLES_PER_PAGE = 2
    bulk_articles(5)

    response = results(client, "bulk article", page=page)

    assert response.status_code == 200
    assert response.context["page_obj"].number == expected


def test_the_language_switch_keeps_the_words(client):
    page = results(client, "level of dialogue").content.decode()

    assert 'href="/hy/search/?q=level+of+dialogue" hreflang="hy"' in page


def test_results_pages_are_kept_out_of_search_engines(client):
    page = results(client, "dialogue").content.decode()

    assert '<meta name="robots" content="noindex">' in page
    assert '<link rel="canonical"' not in page


def test_a_results_page_is_cached_per_query_and_page_and_fresh_after_a_change(client):
    make_article(languages=("en",), title_en="Dams on the river", body_en="<p>Water.</p>")

    assert results(client, "dams")["X-Cache"] == "miss"
    assert results(client, "dams")["X-Cache"] == "hit"
    assert results(client, "dams", utm_source="feed")["X-Cache"] == "hit"
    assert results(client, "rivers")["X-Cache"] == "miss"
    assert results(client, "dams", page=2)["X-Cache"] == "miss"

    make_article(languages=("en",), title_en="More dams", body_en="<p>Concrete.</p>")

    fresh = results(client, "dams")
    assert fresh["X-Cache"] == "miss"
    assert fresh.context["page_obj"].paginator.count == 2


def test_a_results_page_sets_no_cookie_and_does_not_vary_on_cookies(client):
    make_article()

    for language in ("en", "hy"):
        response = results(client, "dialogue", language)
        assert not response.cookies
        assert "cookie" not in response.get("Vary", "").lower()
