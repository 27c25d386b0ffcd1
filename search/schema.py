"""
The database objects search needs beside the articles table, one set per
site language, and how they are put in place.

PostgreSQL (search.postgresql): a weighted ``tsvector`` column per language
on the articles table, kept by a trigger, with a GIN index. SQLite
(search.sqlite): an FTS5 table per language, kept by triggers. Both are
created by this app's migration and checked again after every ``migrate``
(apps.SearchConfig): a language added to LANGUAGES gets its own as soon as
its columns exist, and SQLite's triggers come back after a migration that
rebuilt the articles table (which drops them).
"""

from django.db import connections
from django.db.migrations.recorder import MigrationRecorder
from modeltranslation.utils import build_localized_fieldname

from articles.models import Article, site_languages

from . import excerpts

TEXT_FIELDS = ("title", "summary", "body")


def columns(language: str) -> dict[str, str]:
    """The articles table's column for each searched field in ``language``."""
    return {field: build_localized_fieldname(field, language) for field in TEXT_FIELDS}


def suffix(language: str) -> str:
    """The language as it appears in database names (``zh-hans``: ``zh_hans``)."""
    return build_localized_fieldname("", language).lstrip("_")


def indexed_languages(connection) -> list[str]:
    """Site languages whose columns the articles table already has (a new language's come with its migration)."""
    with connection.cursor() as cursor:
        present = {
            column.name for column in connection.introspection.get_table_description(cursor, Article._meta.db_table)
        }
    return [language for language in site_languages() if set(columns(language).values()) <= present]


def backend(connection):
    if connection.vendor == "postgresql":
        from . import postgresql

        return postgresql
    from . import sqlite

    return sqlite


def ensure(connection) -> None:
    """Creates whatever the search index lacks for the site's languages; changes nothing that is in place."""
    if Article._meta.db_table in connection.introspection.table_names():
        backend(connection).ensure(connection, indexed_languages(connection))


def drop(connection, keep: list[str] = ()) -> None:
    """Removes the search index of every language but those in ``keep``."""
    if Article._meta.db_table in connection.introspection.table_names():
        backend(connection).drop(connection, {suffix(language) for language in keep})


def before_migrate(using="default", **kwargs) -> None:
    """
    A language taken out of LANGUAGES loses its search index before the
    migration that drops its columns runs: SQLite refuses to drop a column
    that a trigger names (Django drops some of them with ALTER TABLE), and
    PostgreSQL would keep the language's column and function for nothing.
    """
    drop(connections[using], keep=site_languages())


def after_migrate(using="default", **kwargs) -> None:
    """After any ``migrate``, unless this app's migration is unapplied (``migrate search zero``)."""
    connection = connections[using]
    if MigrationRecorder(connection).migration_qs.filter(app="search").exists():
        ensure(connection)


def prepare_connection(connection, **kwargs) -> None:
    """SQLite's triggers turn bodies into text with Python's own parser (excerpts.body_text)."""
    if connection.vendor == "sqlite":
        connection.connection.create_function("newsroom_search_text", 1, excerpts.body_text, deterministic=True)
