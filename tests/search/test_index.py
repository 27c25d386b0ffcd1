"""
The search index: read through an index rather than by scanning the
articles table, kept in step with every kind of write, and put back after a
migration that lost it.
"""

import pytest
from django.core.management import call_command
from django.db import connection
from django.utils import translation

from articles.models import Article
from search import schema
from search.query import SearchTerms
from search.results import matching_articles
from tests.factories import bulk_articles, make_article, make_section

postgresql_only = pytest.mark.skipif(connection.vendor != "postgresql", reason="the plans shown are PostgreSQL's")
sqlite_only = pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 is SQLite's")


def titles(query: str, language: str = "en") -> list[str]:
    with translation.override(language):
        return [article.title for article in matching_articles(SearchTerms.parse(query), language)]


@postgresql_only
@pytest.mark.django_db
@pytest.mark.slow
@pytest.mark.parametrize(("language", "query"), [("en", "zeppelins"), ("hy", "օդապարիկ")])
def test_on_postgresql_a_search_reads_the_languages_gin_index(language, query):
    section = make_section()
    bulk_articles(4_000, section=section)
    for n in range(3):
        make_article(section=section, body_en=f"<p>Zeppelin {n}.</p>", body_hy=f"<p>Օդապարիկներ {n}։</p>")
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE articles_article")

    plan = matching_articles(SearchTerms.parse(query), language).explain()

    assert f"Bitmap Index Scan on search_article_{language}" in plan, plan
    assert len(titles(query, language)) == 3


@sqlite_only
@pytest.mark.django_db
def test_on_sqlite_a_search_runs_the_full_text_query_once_then_finds_each_article_by_its_key():
    bulk_articles(50)
    make_article(body_en="<p>Zeppelin.</p>")

    with connection.cursor() as cursor:
        sql, params = matching_articles(SearchTerms.parse("zeppelin"), "en").query.sql_with_params()
        cursor.execute(f"EXPLAIN QUERY PLAN {sql}", params)
        plan = [row[-1] for row in cursor.fetchall()]

    # Not the other way round: the articles first, and the full-text query run again for each of them.
    assert plan[0].startswith("SCAN search_article_en VIRTUAL TABLE INDEX"), plan
    assert "SEARCH articles_article USING INTEGER PRIMARY KEY (rowid=?)" in plan, plan


@pytest.mark.django_db
def test_rows_written_in_bulk_are_found():
    bulk_articles(3)

    assert titles("bulk") == ["Bulk article 0", "Bulk article 1", "Bulk article 2"]
    assert len(titles("Հոդված", "hy")) == 3


@pytest.mark.django_db
def test_an_update_by_queryset_is_followed():
    article = make_article(languages=("en",), title_en="Old headline")

    Article.objects.filter(pk=article.pk).update(title_en="Fresh headline")

    assert titles("old") == []
    assert titles("fresh") == ["Fresh headline"]


@pytest.mark.django_db
def test_a_delete_by_queryset_is_followed():
    make_article(languages=("en",), title_en="Short-lived")

    Article.objects.all().delete()

    assert titles("lived") == []
    if connection.vendor == "sqlite":
        with connection.cursor() as cursor:
            cursor.execute("SELECT count(*) FROM search_article_en")
            assert cursor.fetchone() == (0,)


def lose_the_index() -> None:
    """What a migration that rebuilds the articles table does to SQLite's triggers (PostgreSQL: simulated)."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            for language in ("en", "hy"):
                for event in ("insert", "update", "delete"):
                    cursor.execute(f"DROP TRIGGER search_article_{language}_{event}")
        else:
            # Let the test's own writes settle, as they have before any real migrate.
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
            for language in ("en", "hy"):
                cursor.execute(f"DROP TRIGGER search_article_{language} ON articles_article")
                cursor.execute(f"DROP INDEX search_article_{language}")
                cursor.execute(f"UPDATE articles_article SET search_{language} = NULL")


@pytest.mark.django_db
def test_migrate_puts_back_a_lost_index_and_catches_up_with_what_was_written_meanwhile():
    make_article(languages=("en",), title_en="Written before")
    lose_the_index()
    make_article(languages=("en",), title_en="Written meanwhile")
    assert "Written meanwhile" not in titles("written")

    call_command("migrate", verbosity=0)

    assert titles("written") == ["Written meanwhile", "Written before"]
    make_article(languages=("en",), title_en="Written after")
    assert len(titles("written")) == 3


@pytest.mark.django_db
def test_ensure_rewrites_nothing_that_is_in_place():
    article = make_article(languages=("en",), title_en="Steady")
    # Blank the article's index entry behind the triggers' back: a rebuild would restore it.
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("DELETE FROM search_article_en WHERE rowid = %s", [article.pk])
        else:
            cursor.execute("UPDATE articles_article SET search_en = ''::tsvector WHERE id = %s", [article.pk])

    schema.ensure(connection)
    schema.ensure(connection)

    assert titles("steady") == []


@pytest.mark.django_db(transaction=True)
@pytest.mark.slow
def test_the_migration_can_be_unapplied_and_applied_again():
    make_article(languages=("en",), title_en="Round trip")

    call_command("migrate", "search", "zero", verbosity=0)
    with connection.cursor() as cursor:
        names = {table.name for table in connection.introspection.get_table_list(cursor)}
        columns = {column.name for column in connection.introspection.get_table_description(cursor, "articles_article")}
    assert "search_article_en" not in names and "search_en" not in columns
    make_article(languages=("en",), title_en="Written without search")

    call_command("migrate", "search", verbosity=0)

    assert titles("round trip") == ["Round trip"]
    assert titles("written without") == ["Written without search"]


def search_objects() -> set[str]:
    """The names of search's tables, triggers and columns in the database."""
    with connection.cursor() as cursor:
        if connection.vendor == "sqlite":
            cursor.execute("SELECT name FROM sqlite_master WHERE name LIKE 'search_article_%'")
            return {
                name
                for (name,) in cursor.fetchall()
                if not name.endswith(("_data", "_idx", "_content", "_docsize", "_config"))
            }
        cursor.execute("SELECT tgname FROM pg_trigger WHERE tgrelid = 'articles_article'::regclass")
        names = {name for (name,) in cursor.fetchall()}
        columns = connection.introspection.get_table_description(cursor, "articles_article")
        return names | {column.name for column in columns if column.name.startswith("search_")}


@pytest.mark.django_db
def test_a_language_taken_out_of_languages_loses_its_index_before_migrating(settings):
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    make_article(languages=("en",), title_en="Kept")
    before = search_objects()
    settings.LANGUAGES = [("en", "English")]

    schema.before_migrate()

    gone = before - search_objects()
    assert gone and all("hy" in name for name in gone), gone
    assert search_objects() == {name for name in before if "hy" not in name}
    assert titles("kept") == ["Kept"]
