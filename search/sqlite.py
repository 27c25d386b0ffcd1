"""
Search on SQLite: an FTS5 table per language (``search_article_en``...),
ranked with bm25 (title 5, summary 2, body 1, as PostgreSQL's weights), with
excerpts from ``snippet()``.

The FTS5 table holds each article's title, summary and body as plain text,
under the article's id as rowid, and triggers on the articles table keep it
in step: every insert, update and delete, from the admin, the shell, an
import or a ``bulk_create`` alike, which explicit calls from Python would
miss. The body's HTML is turned into text by a Python function each
connection registers (schema.prepare_connection): FTS5's tokenizers would
otherwise index tag and attribute names ("picture", "source"...). A write
to the articles table from outside Django (the sqlite3 shell) therefore
fails with "no such function: newsroom_search_text".

English uses FTS5's Porter stemmer; every other language the unicode61
tokenizer with prefix matching, as on PostgreSQL.
"""

from django.db import OperationalError
from django.db import connection as default_connection
from django.db.models import QuerySet

from articles.models import Article

from . import excerpts
from .query import SearchTerms
from .schema import columns, prepare_connection, suffix

STEMMED = {"en": "porter unicode61 remove_diacritics 2"}
UNSTEMMED = "unicode61 remove_diacritics 2"
# bm25() weights of the title, summary and body columns.
WEIGHTS = "5.0, 2.0, 1.0"
EXCERPT_TOKENS = 24


def table_name(language: str) -> str:
    return f"search_article_{suffix(language)}"


def without_markers(value: str) -> str:
    return f"replace(replace(coalesce({value}, ''), char(57344), ''), char(57345), '')"


def triggers(connection, language: str) -> dict[str, str]:
    """The three triggers that keep the language's FTS5 table in step with the articles table."""
    quote = connection.ops.quote_name
    table, fts = quote(Article._meta.db_table), quote(table_name(language))
    fields = {field: quote(column) for field, column in columns(language).items()}
    insert = (
        f"INSERT INTO {fts}(rowid, title, summary, body) VALUES (NEW.id, coalesce(NEW.{fields['title']}, ''), "  # nosec B608  # names from the models and the LANGUAGES setting, quoted; the reader's words are parameters
        f"{without_markers('NEW.' + fields['summary'])}, newsroom_search_text(NEW.{fields['body']}));"
    )
    remove = f"DELETE FROM {fts} WHERE rowid = OLD.id;"  # nosec B608  # names from the models and the LANGUAGES setting, quoted; the reader's words are parameters
    name = table_name(language)
    sources = ", ".join(fields.values())
    return {
        f"{name}_insert": f"CREATE TRIGGER {quote(name + '_insert')} AFTER INSERT ON {table} BEGIN {insert} END",
        f"{name}_update": (
            f"CREATE TRIGGER {quote(name + '_update')} AFTER UPDATE OF {sources} ON {table} BEGIN {remove} {insert} END"
        ),
        f"{name}_delete": f"CREATE TRIGGER {quote(name + '_delete')} AFTER DELETE ON {table} BEGIN {remove} END",
    }


def ensure(connection, languages: list[str]) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        try:
            cursor.execute("SELECT newsroom_search_text('')")
        except OperationalError:
            # A connection opened before this app was ready; redefining the function in use would fail.
            prepare_connection(connection)
        cursor.execute("SELECT name, sql FROM sqlite_master WHERE type IN ('table', 'trigger')")
        existing = dict(cursor.fetchall())
        for language in languages:
            fts = table_name(language)
            refill = fts not in existing
            if refill:
                tokenizer = STEMMED.get(language, UNSTEMMED)
                cursor.execute(
                    f"CREATE VIRTUAL TABLE {quote(fts)} USING fts5(title, summary, body, tokenize='{tokenizer}')"
                )
            for name, sql in triggers(connection, language).items():
                if existing.get(name) != sql:
                    # Missing (a migration rebuilt the articles table) or out of date.
                    cursor.execute(f"DROP TRIGGER IF EXISTS {quote(name)}")
                    cursor.execute(sql)
                    refill = True
            if refill:
                fields = {field: quote(column) for field, column in columns(language).items()}
                cursor.execute(f"DELETE FROM {quote(fts)}")  # nosec B608  # names from the models and the LANGUAGES setting, quoted; the reader's words are parameters
                cursor.execute(
                    f"INSERT INTO {quote(fts)}(rowid, title, summary, body) SELECT id, coalesce({fields['title']}, ''), "  # nosec B608  # names from the models and the LANGUAGES setting, quoted; the reader's words are parameters
                    f"{without_markers(fields['summary'])}, newsroom_search_text({fields['body']}) "
                    f"FROM {quote(Article._meta.db_table)}"
                )


EVENTS = ("insert", "update", "delete")


def drop(connection, keep: set[str]) -> None:
    """Drops the FTS5 table and triggers of every language whose suffix is not in ``keep``."""
    quote = connection.ops.quote_name
    prefix = "search_article_"
    with connection.cursor() as cursor:
        cursor.execute("SELECT type, name, sql FROM sqlite_master WHERE type IN ('table', 'trigger')")
        for kind, name, sql in cursor.fetchall():
            if not name.startswith(prefix):
                continue
            if kind == "trigger" and name.rsplit("_", 1)[-1] in EVENTS:
                if name.rsplit("_", 1)[0].removeprefix(prefix) not in keep:
                    cursor.execute(f"DROP TRIGGER IF EXISTS {quote(name)}")
            # FTS5's shadow tables (search_article_en_data...) go with their virtual table.
            elif kind == "table" and (sql or "").upper().startswith("CREATE VIRTUAL TABLE"):
                if name.removeprefix(prefix) not in keep:
                    cursor.execute(f"DROP TABLE IF EXISTS {quote(name)}")


def fts5_query(terms: SearchTerms, language: str) -> str:
    return terms.fts5(prefix=language not in STEMMED)


def matching(articles: QuerySet, terms: SearchTerms, language: str) -> QuerySet:
    """
    ``articles`` that match, best first (bm25 is lower for better matches).

    The FTS5 table is joined with ``extra()``, the ORM's one way to join a
    table that is not a model, and read first: the unary ``+`` keeps SQLite
    from looking the FTS5 table up by rowid once per article, which runs the
    full-text query again for each (seconds for a common word in 10,000
    articles, as did a correlated subquery per article); this way it runs
    once and each match finds its article by primary key.
    """
    fts = default_connection.ops.quote_name(table_name(language))
    articles_table = default_connection.ops.quote_name(Article._meta.db_table)
    return articles.extra(  # nosec B610  # names from the models and the LANGUAGES setting, quoted; the reader's words are parameters
        tables=[table_name(language)],
        where=[f"+{fts}.rowid = {articles_table}.id", f"{fts} MATCH %s"],
        params=[fts5_query(terms, language)],
        select={"search_rank": f"bm25({fts}, {WEIGHTS})"},
    ).order_by("search_rank", "-published_at", "-pk")


def marked_excerpts(articles: list, terms: SearchTerms, language: str) -> dict[int, str]:
    """
    Each article's excerpt with its matches between markers, in one query for
    the page: the body's best stretch, else the summary's, else the summary.
    """
    if not articles:
        return {}
    fts = default_connection.ops.quote_name(table_name(language))
    ids = [article.pk for article in articles]
    # Columns: 0 title, 1 summary, 2 body.
    body, summary = (f"snippet({fts}, {column}, %s, %s, ' … ', {EXCERPT_TOKENS})" for column in (2, 1))
    with default_connection.cursor() as cursor:
        cursor.execute(
            f"SELECT rowid, {body}, {summary}, summary FROM {fts} WHERE {fts} MATCH %s "  # nosec B608  # names from the models and the LANGUAGES setting, quoted; the reader's words are parameters
            f"AND rowid IN ({', '.join(['%s'] * len(ids))})",
            [*excerpts.MARKERS, *excerpts.MARKERS, fts5_query(terms, language), *ids],
        )
        rows = cursor.fetchall()
    chosen = {}
    for pk, body, summary_part, summary in rows:
        if excerpts.has_match(body):
            chosen[pk] = body
        elif excerpts.has_match(summary_part) or summary:
            chosen[pk] = summary_part
        else:
            chosen[pk] = body
    return chosen
