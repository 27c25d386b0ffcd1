"""
The site's pages as search engines should list them: one sitemap per kind of
page, each URL in every language its page exists in, with its alternates.

Built on django.contrib.sitemaps, with get_urls written here. Django's own
``i18n``/``alternates``/``x_default`` pair every item with every language and
point x-default to an address without a language prefix; here a page exists
in some languages only (an article may be English only, a tag may have no
Armenian name), and x-default must name the same page as the page's own
``<link rel="alternate" hreflang="x-default">`` (articles.templatetags.articles):
the default language's address where it has one, else its first language's.

Each sitemap lists *entries*: one URL in one language, its addresses in every
language it exists in, and its last change. Pages of a sitemap take a fixed
number of queries however large the archive: the article sitemap pages its
(article, language) pairs in the database rather than in Python.
"""

import functools
import re
from dataclasses import dataclass

from django.conf import settings
from django.contrib.sitemaps import Sitemap
from django.core.paginator import Paginator
from django.db.models import BooleanField, CharField, ExpressionWrapper, Max, Q, Value
from django.db.models.functions import Greatest
from django.urls import reverse
from django.utils import timezone, translation
from modeltranslation.utils import build_localized_fieldname

from articles.models import Article, Author, Section, Tag, site_languages
from metadata.identity import site_name

from .site import site_origin


@dataclass(frozen=True)
class Entry:
    """One page in one language: ``addresses`` holds its address in every language it exists in."""

    language: str
    addresses: dict[str, str]
    lastmod: object = None


def last_change(prefix: str = "") -> Greatest:
    """
    When an article's page last changed: its last edit, or its publication
    when that came later (a scheduled article appears without being saved).
    """
    return Greatest(f"{prefix}updated_at", f"{prefix}published_at")


def x_default(addresses: dict[str, str]) -> str:
    """The address for readers of no listed language: the default language's, else the first one's."""
    return addresses.get(settings.LANGUAGE_CODE) or next(iter(addresses.values()))


class TranslatedSitemap(Sitemap):
    """A sitemap of entries; subclasses say which (``entries``) and how they are paged (``items``)."""

    @property
    def limit(self) -> int:
        return settings.SITEMAP_LIMIT

    def __init__(self):
        self.now = timezone.now()

    def entries(self, page_items) -> list[Entry]:
        """The entries of one page of ``items()``; lists of entries are entries already."""
        return list(page_items)

    def get_urls(self, page=1, site=None, protocol=None) -> list[dict]:
        """One page's URLs, absolute from SITE_URL, with their hreflang alternates and x-default."""
        origin = site_origin()
        urls = []
        for entry in self.entries(self.paginator.page(page).object_list):
            alternates = [{"lang_code": code, "location": origin + url} for code, url in entry.addresses.items()]
            alternates.append({"lang_code": "x-default", "location": origin + x_default(entry.addresses)})
            urls.append(
                {
                    "location": origin + entry.addresses[entry.language],
                    "lastmod": entry.lastmod,
                    "alternates": alternates,
                }
            )
        return urls


class ListedSitemap(TranslatedSitemap):
    """Sitemaps small enough to read whole (one query): home pages, sections, tags, authors."""

    @functools.cached_property
    def listed(self) -> list[Entry]:
        return self.read_entries()

    def items(self) -> list[Entry]:
        return self.listed

    def get_latest_lastmod(self):
        return max((entry.lastmod for entry in self.listed if entry.lastmod), default=None)


class HomeSitemap(ListedSitemap):
    def read_entries(self) -> list[Entry]:
        newest = Article.objects.aggregate(
            **{
                language: Max(last_change(), filter=Article.published_q(now=self.now) & Article.available_q(language))
                for language in site_languages()
            }
        )
        addresses = {}
        for language in site_languages():
            with translation.override(language):
                addresses[language] = reverse("articles:home")
        return [Entry(language, addresses, newest[language]) for language in site_languages()]


class SubjectSitemap(ListedSitemap):
    """
    Section, tag or author pages: each in every language it is named and
    addressed in (``is_available_in``, the rule its page's own alternates
    follow), last changed when its newest article in that language did.
    """

    model = None

    def read_entries(self) -> list[Entry]:
        prefix = "articles__"  # sections, tags and authors all name their articles so
        newest = {
            f"newest_{language}": Max(
                last_change(prefix),
                filter=Article.published_q(prefix, now=self.now) & Article.available_q(language, prefix),
            )
            for language in site_languages()
        }
        entries = []
        for subject in self.model.objects.annotate(**newest).order_by("pk"):
            languages = [language for language in site_languages() if subject.is_available_in(language)]
            addresses = {language: subject.get_absolute_url(language) for language in languages}
            entries += [Entry(language, addresses, getattr(subject, f"newest_{language}")) for language in languages]
        return entries


class SectionSitemap(SubjectSitemap):
    model = Section


class TagSitemap(SubjectSitemap):
    model = Tag


class AuthorSitemap(SubjectSitemap):
    model = Author


class ArticleSitemap(TranslatedSitemap):
    """
    Every public article in every language it is available in, newest first.
    Paged in the database: one row per (article, language) from a UNION of
    one query per language, counted, then sliced; the page's articles are
    then read in one query with their languages as flags. Three queries per
    page whatever the archive's size.
    """

    def pages_in(self, language: str):
        return (
            Article.objects.published(self.now)
            .available_in(language)
            .order_by()
            .annotate(language=Value(language, output_field=CharField()))
            .values_list("published_at", "pk", "language")
        )

    def items(self):
        first, *others = [self.pages_in(language) for language in site_languages()]
        return first.union(*others, all=True).order_by("-published_at", "-pk", "language")

    @property
    def paginator(self) -> Paginator:
        return Paginator(self.items(), self.limit)

    def entries(self, page_items) -> list[Entry]:
        rows = list(page_items)
        if not rows:
            return []
        newest, oldest = rows[0][0], rows[-1][0]
        articles = {
            article.pk: article
            for article in self.with_languages(
                Article.objects.published(self.now).filter(published_at__range=(oldest, newest))
            )
        }
        entries = []
        for _published_at, pk, language in rows:
            article = articles[pk]
            entries.append(Entry(language, self.addresses(article), article.last_change))
        return entries

    @staticmethod
    def with_languages(articles, *fields: str):
        """
        Articles with what their addresses need (and ``fields``), and
        ``in_<language>`` flags instead of the bodies that decide them.
        """
        slugs = [build_localized_fieldname("slug", language) for language in site_languages()]
        return (
            articles.select_related("section")
            .only("pk", "updated_at", "published_at", *slugs, *[f"section__{slug}" for slug in slugs], *fields)
            .annotate(
                last_change=last_change(),
                **{
                    f"in_{language}": ExpressionWrapper(Article.available_q(language), output_field=BooleanField())
                    for language in site_languages()
                },
            )
        )

    @staticmethod
    def addresses(article) -> dict[str, str]:
        return {
            language: article.get_absolute_url(language)
            for language in site_languages()
            if getattr(article, f"in_{language}")
        }

    def get_latest_lastmod(self):
        public_somewhere = Q()
        for language in site_languages():
            public_somewhere |= Article.available_q(language)
        return (
            Article.objects.published(self.now).filter(public_somewhere).aggregate(newest=Max(last_change()))["newest"]
        )


SITEMAPS = {
    "home": HomeSitemap,
    "sections": SectionSitemap,
    "tags": TagSitemap,
    "authors": AuthorSitemap,
    "articles": ArticleSitemap,
}


# Google News reads articles of the last two days, at most a thousand URLs per sitemap.
NEWS_WINDOW = timezone.timedelta(hours=48)
NEWS_LIMIT = 1000
# Characters XML 1.0 does not allow, which a pasted or imported title may carry.
XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass(frozen=True)
class NewsEntry:
    location: str
    language: str
    publication: str
    title: str
    published_at: str


def publication_name(language: str) -> str:
    """The site's name in ``language``, as Google News shows the publication."""
    return site_name(language)


def recent_news(now=None) -> list[NewsEntry]:
    """
    The Google News sitemap's entries: each public article of the last 48
    hours in each language it is available in, newest first. One query.
    """
    now = now or timezone.now()
    titles = [build_localized_fieldname("title", language) for language in site_languages()]
    recent = Article.objects.published(now).filter(published_at__gt=now - NEWS_WINDOW).order_by("-published_at", "-pk")
    publications = {language: publication_name(language) for language in site_languages()}
    origin = site_origin()
    entries = []
    for article in ArticleSitemap.with_languages(recent, *titles)[:NEWS_LIMIT]:
        for language, url in ArticleSitemap.addresses(article).items():
            title = getattr(article, build_localized_fieldname("title", language))
            entries.append(
                NewsEntry(
                    location=origin + url,
                    language=language,
                    publication=publications[language],
                    title=XML_FORBIDDEN.sub("", title),
                    published_at=timezone.localtime(article.published_at).isoformat(timespec="seconds"),
                )
            )
    return entries[:NEWS_LIMIT]
