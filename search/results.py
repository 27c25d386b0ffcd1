"""
The one way to search the archive: the articles public and available in a
language (``Article.objects.published().available_in(language)``) that match
the reader's words, best first, and their highlighted excerpts.
"""

from dataclasses import dataclass

from django.db import connection
from django.db.models import QuerySet
from django.utils.safestring import SafeString

from articles.models import Article

from . import excerpts, schema
from .query import SearchTerms


@dataclass(frozen=True)
class SearchResult:
    article: Article
    excerpt: SafeString


def matching_articles(terms: SearchTerms, language: str) -> QuerySet:
    """Public articles in ``language`` matching every word of ``terms``, best match first (a lazy queryset)."""
    articles = Article.objects.published().available_in(language).with_listing_relations()
    return schema.backend(connection).matching(articles, terms, language)


def with_excerpts(articles: list[Article], terms: SearchTerms, language: str) -> list[SearchResult]:
    """The page's articles, each with its excerpt, matches marked (at most one query)."""
    marked = schema.backend(connection).marked_excerpts(articles, terms, language)
    return [SearchResult(article, excerpts.highlighted(marked.get(article.pk, ""))) for article in articles]
