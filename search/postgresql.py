"""
Search on PostgreSQL: django.contrib.postgres's full-text search over a
weighted document per language (title A, summary B, body C).

The document is a ``tsvector`` column per language on the articles table
(``search_en``, ``search_hy``), written by a trigger whenever a title,
summary or body in that language is, and read through a GIN index. Why a
stored column: ranking needs every match's document, and rebuilding it from
the body on each search (an expression index) cost about a millisecond per
match, seconds for a common word in a large archive. Why a trigger and not a
generated column: PostgreSQL forbids changing the type of, or dropping, a
column a generated column reads, so one would block the articles app's own
migrations (a longer title, a language removed).

Bodies are HTML; PostgreSQL's text-search parser skips tags and entities, so
only the words a reader sees are indexed. Excerpts are ``ts_headline`` over
the summary and the body as plain text (see search.excerpts).
"""

from django.contrib.postgres.search import SearchHeadline, SearchQuery, SearchRank, SearchVectorField
from django.db.models import QuerySet, TextField
from django.db.models.expressions import RawSQL

from articles.models import Article

from . import excerpts
from .query import SearchTerms
from .schema import columns, suffix

# Languages with a Snowball stemmer in PostgreSQL that finds a word's forms
# from any of them. PostgreSQL's "armenian" configuration exists but does not:
# it stems ընտրություն (election) to ընտրությ and ընտրությունները (the
# elections) to ընտր, so neither finds the other. Armenian, and any language
# not listed, uses "simple" (lower-cased words) with prefix matching instead.
STEMMED = {
    "en": "english",
    "ru": "russian",
    "fr": "french",
    "de": "german",
    "es": "spanish",
    "it": "italian",
}

# The summary is plain text: escaped as the body's text is, "&" first.
ESCAPES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))


def configuration(language: str) -> str:
    return STEMMED.get(language, "simple")


def vector_column(language: str) -> str:
    return f"search_{suffix(language)}"


def object_name(language: str) -> str:
    """The name of the language's index, trigger and trigger function."""
    return f"search_article_{suffix(language)}"


def document_sql(connection, language: str, row: str) -> str:
    """The weighted document of ``row`` (NEW in the trigger, the table in a backfill)."""
    quote = connection.ops.quote_name
    config = configuration(language)
    return " || ".join(
        f"setweight(to_tsvector('{config}'::regconfig, coalesce({row}.{quote(column)}, '')), '{weight}')"
        for column, weight in zip(columns(language).values(), "ABC", strict=True)
    )


def ensure(connection, languages: list[str]) -> None:
    """Creates what is missing, after reading the catalogue: DDL on a table in use takes a strong lock."""
    quote = connection.ops.quote_name
    table = quote(Article._meta.db_table)
    with connection.cursor() as cursor:
        present = {c.name for c in connection.introspection.get_table_description(cursor, Article._meta.db_table)}
        cursor.execute("SELECT tgname FROM pg_trigger WHERE tgrelid = %s::regclass", [Article._meta.db_table])
        triggers = {name for (name,) in cursor.fetchall()}
        cursor.execute("SELECT indexname FROM pg_indexes WHERE tablename = %s", [Article._meta.db_table])
        indexes = {name for (name,) in cursor.fetchall()}
        cursor.execute("SELECT proname, prosrc FROM pg_proc WHERE proname LIKE %s", ["search\\_article\\_%"])
        functions = dict(cursor.fetchall())
        for language in languages:
            column, name = vector_column(language), object_name(language)
            if column not in present:
                cursor.execute(f"ALTER TABLE {table} ADD COLUMN {quote(column)} tsvector")
            body = f" BEGIN NEW.{quote(column)} := {document_sql(connection, language, 'NEW')}; RETURN NEW; END "
            if functions.get(name) != body:
                cursor.execute(
                    f"CREATE OR REPLACE FUNCTION {quote(name)}() RETURNS trigger LANGUAGE plpgsql AS $${body}$$"
                )
            if name not in triggers:
                sources = ", ".join(quote(source) for source in columns(language).values())
                cursor.execute(
                    f"CREATE TRIGGER {quote(name)} BEFORE INSERT OR UPDATE OF {sources} ON {table} "
                    f"FOR EACH ROW EXECUTE FUNCTION {quote(name)}()"
                )
            # Before the backfill: PostgreSQL refuses DDL on a table with writes pending in the transaction.
            if name not in indexes:
                # fastupdate off: articles are written seldom and searched often, and GIN's pending list
                # of recent writes would be read through by every search until the next vacuum.
                cursor.execute(
                    f"CREATE INDEX {quote(name)} ON {table} USING gin ({quote(column)}) WITH (fastupdate = off)"
                )
            # Rows written before the column or the trigger existed, or with another function.
            if column not in present or name not in triggers or functions.get(name) != body:
                cursor.execute(f"UPDATE {table} SET {quote(column)} = {document_sql(connection, language, table)}")  # nosec B608  # names from the models and the LANGUAGES setting, quoted; the reader's words are parameters


def drop(connection, keep: set[str]) -> None:
    """Drops the column, trigger, function and index of every language whose suffix is not in ``keep``."""
    quote = connection.ops.quote_name
    table = quote(Article._meta.db_table)
    with connection.cursor() as cursor:
        present = [c.name for c in connection.introspection.get_table_description(cursor, Article._meta.db_table)]
        for column in present:
            language = column.removeprefix("search_")
            if column.startswith("search_") and language not in keep:
                name = quote(f"search_article_{language}")
                cursor.execute(f"DROP TRIGGER IF EXISTS {name} ON {table}")
                cursor.execute(f"DROP FUNCTION IF EXISTS {name}()")
                # The index goes with its column.
                cursor.execute(f"ALTER TABLE {table} DROP COLUMN IF EXISTS {quote(column)}")


def search_query(terms: SearchTerms, language: str) -> SearchQuery:
    if language in STEMMED:
        # plainto_tsquery: stems each word and requires all of them; it reads no operators at all.
        return SearchQuery(" ".join(terms.words), search_type="plain", config=configuration(language))
    return SearchQuery(terms.tsquery(prefix=True), search_type="raw", config="simple")


def excerpt_source_sql(connection, language: str) -> tuple[str, list[str]]:
    """
    SQL for a row's summary and body as escaped text: the body without its
    tags (its entities kept, so that text such as "&lt;b&gt;" is not taken for
    a tag by ts_headline), the summary escaped likewise, no marker characters.
    """
    quote = connection.ops.quote_name
    table = quote(Article._meta.db_table)
    fields = columns(language)
    summary = f"coalesce({table}.{quote(fields['summary'])}, '')"
    for _escape in ESCAPES:
        summary = f"replace({summary}, %s, %s)"
    body = f"regexp_replace(coalesce({table}.{quote(fields['body'])}, ''), %s, ' ', 'g')"
    sql = f"translate({summary} || ' ' || {body}, %s, '')"
    params = [value for pair in ESCAPES for value in pair]
    return sql, [*params, excerpts.TAG.pattern, excerpts.MARKERS]


def matching(articles: QuerySet, terms: SearchTerms, language: str) -> QuerySet:
    """``articles`` that match, best first, each with its marked excerpt in ``search_excerpt``."""
    from django.db import connection

    quote = connection.ops.quote_name
    document = RawSQL(  # nosec B611  # names from the models and the LANGUAGES setting, quoted; the reader's words are parameters
        f"{quote(Article._meta.db_table)}.{quote(vector_column(language))}", [], output_field=SearchVectorField()
    )
    query = search_query(terms, language)
    text_sql, text_params = excerpt_source_sql(connection, language)
    excerpt = SearchHeadline(
        RawSQL(text_sql, text_params, output_field=TextField()),  # nosec B611  # names from the models and the LANGUAGES setting, quoted; the reader's words are parameters
        query,
        config=configuration(language),
        start_sel=excerpts.START,
        stop_sel=excerpts.STOP,
        max_words=30,
        min_words=15,
        max_fragments=1,
        fragment_delimiter=" … ",
    )
    return (
        articles.alias(search_document=document)
        .filter(search_document=query)
        # ts_headline is dear: PostgreSQL computes it after the sort and the page's LIMIT, for ten rows only.
        .annotate(search_rank=SearchRank(document, query), search_excerpt=excerpt)
        .order_by("-search_rank", "-published_at", "-pk")
    )


def marked_excerpts(articles: list, terms: SearchTerms, language: str) -> dict[int, str]:
    """Each article's excerpt with its matches between markers: read with the articles, entities decoded here."""
    return {article.pk: excerpts.unescaped(article.search_excerpt) for article in articles}
