"""
What a page says about itself in its ``<head>``, for search engines and for
the networks a link is shared on: the title, the canonical address, a
description, Open Graph and Twitter card tags and JSON-LD structured data.

One ``Head`` per page, built here from what the view already loaded (the
article with its section, tags and bylines; the section, tag or author of a
list and its page), so the metadata costs no query. Every address is absolute
and built from the request: the page cache keys pages on scheme and host, so
a page kept for one host never names another.

Translated fields (a title, a section's name) are read in the active
language, as templates read them: build a page's head with its ``language``
active, as the template tags (templatetags/metadata.py) do.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.templatetags.static import static
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import override, to_locale

from articles.models import Article, Author, Section, Tag, address, site_languages

from . import structured_data
from .identity import site_name, site_tagline, static_image_size

TITLE_SEPARATOR = " – "
# Long enough for a summary's sentence or two; search engines cut longer ones themselves.
DESCRIPTION_CHARACTERS = 200
# Open Graph names a locale with its territory (en_US); Django's language codes
# have none for these, so the usual one is added. Others go as Django spells them.
OPEN_GRAPH_TERRITORIES = {"en": "US", "hy": "AM", "ru": "RU"}


def open_graph_locale(language: str) -> str:
    locale = to_locale(language)
    if "_" not in locale and locale in OPEN_GRAPH_TERRITORIES:
        return f"{locale}_{OPEN_GRAPH_TERRITORIES[locale]}"
    return locale


def title_with_page(title: str, page_number: int = 1) -> str:
    """A list's title, with its page number from the second page on, so that each page's title differs."""
    if page_number > 1:
        return TITLE_SEPARATOR.join([title, _("Page %(number)s") % {"number": page_number}])
    return title


def full_title(title: str, language: str) -> str:
    """The ``<title>``: “Page title – Site name”."""
    return TITLE_SEPARATOR.join([title, site_name(language)])


def home_title(language: str) -> str:
    """The home page's ``<title>``: “Site name – Tagline”."""
    return TITLE_SEPARATOR.join([site_name(language), site_tagline(language)])


def absolute(request, url: str) -> str:
    """``url`` on the request's scheme and host, unless storage already gave a full address (S3)."""
    return url if "://" in url else request.build_absolute_uri(url)


def describe(text: str) -> str:
    """A description from plain text (a summary, a biography): on one line, cut at a word."""
    return Truncator(" ".join(text.split())).chars(DESCRIPTION_CHARACTERS)


@dataclass(frozen=True)
class Picture:
    """The picture shared with a link: the page's own, or the site's card."""

    url: str
    width: int | None
    height: int | None
    alt: str
    own: bool


@dataclass
class Head:
    language: str
    site: str  # the site's name in that language
    title: str  # the page's own title, without the site's name
    description: str = ""
    canonical: str | None = None  # None: the page has no address worth indexing
    noindex: bool = False
    open_graph_type: str = "website"
    other_languages: list[str] = field(default_factory=list)
    picture: Picture | None = None
    # Articles only: Open Graph's article:* properties.
    published: datetime.datetime | None = None
    modified: datetime.datetime | None = None
    section: str = ""
    tags: list[str] = field(default_factory=list)
    author_urls: list[str] = field(default_factory=list)
    structured_data: list[dict] = field(default_factory=list)

    def html(self) -> SafeString:
        # Plain escape() rather than a format_html() per tag: an article's head
        # has some thirty of them, and this runs on every uncached page.
        tags = []
        if self.description:
            tags.append(f'<meta name="description" content="{escape(self.description)}">')
        if self.noindex:
            tags.append('<meta name="robots" content="noindex">')
        if self.canonical:
            tags.append(f'<link rel="canonical" href="{escape(self.canonical)}">')
            tags.extend(f'<meta property="{key}" content="{escape(value)}">' for key, value in self.open_graph())
            card = "summary_large_image" if self.picture and self.picture.own else "summary"
            tags.append(f'<meta name="twitter:card" content="{card}">')
        tags.extend(structured_data.json_ld(data) for data in self.structured_data)
        return mark_safe("\n".join(tags))  # nosec B308  # every value escaped above; json_ld escapes its own

    def open_graph(self) -> list[tuple[str, str]]:
        """Open Graph's properties, in order, those without a value left out."""
        properties = [
            ("og:type", self.open_graph_type),
            ("og:site_name", self.site),
            ("og:title", self.title),
            ("og:description", self.description),
            ("og:url", self.canonical),
            ("og:locale", open_graph_locale(self.language)),
            *(("og:locale:alternate", open_graph_locale(language)) for language in self.other_languages),
        ]
        if self.picture:
            properties.append(("og:image", self.picture.url))
            if self.picture.width and self.picture.height:
                properties += [("og:image:width", self.picture.width), ("og:image:height", self.picture.height)]
            if self.picture.alt:
                properties.append(("og:image:alt", self.picture.alt))
        if self.published:
            properties += [
                ("article:published_time", self.published.isoformat()),
                ("article:modified_time", self.modified.isoformat()),
                ("article:section", self.section),
                *(("article:author", url) for url in self.author_urls),
                *(("article:tag", tag) for tag in self.tags),
            ]
        return [(key, value) for key, value in properties if value]


# The site: its home page, publisher and default picture.


def home_url(language: str) -> str:
    return address("articles:home", language)


def site_picture(request, name: str) -> Picture:
    """The site's card, described by the site's ``name``."""
    size = static_image_size(settings.SITE_CARD_IMAGE) or (None, None)
    return Picture(absolute(request, static(settings.SITE_CARD_IMAGE)), *size, alt=name, own=False)


def publisher(request, language: str, name: str) -> dict:
    logo_path = settings.SITE_PUBLISHER_LOGO
    logo = structured_data.image_object(absolute(request, static(logo_path)), *(static_image_size(logo_path) or ()))
    return structured_data.organization(name, absolute(request, home_url(language)), logo)


def search_url_template(request, language: str) -> str:
    # The placeholder stays in braces: build_absolute_uri would escape them.
    return absolute(request, address("search:results", language)) + "?q={search_term_string}"


def trail(request, language: str, name: str, *steps: tuple[str, str]) -> dict:
    """The ``BreadcrumbList`` from the home page (the site's ``name``) through ``steps`` of (name, path)."""
    home = (name, absolute(request, home_url(language)))
    return structured_data.breadcrumbs([home, *((title, absolute(request, path)) for title, path in steps)])


def canonical(request, path: str, page_number: int = 1) -> str:
    """The page's one address: its path, with ``?page=N`` for a later page and no other query."""
    url = absolute(request, path)
    return f"{url}?page={page_number}" if page_number > 1 else url


# Pages.


def for_home(request, language: str) -> Head:
    url = absolute(request, home_url(language))
    name = site_name(language)
    return Head(
        language=language,
        site=name,
        title=name,
        description=_("Latest articles from %(site)s. %(tagline)s.")
        % {"site": name, "tagline": site_tagline(language)},
        canonical=url,
        other_languages=[code for code in site_languages() if code != language],
        picture=site_picture(request, name),
        structured_data=[
            structured_data.website(
                name=name,
                url=url,
                language=language,
                search_url_template=search_url_template(request, language),
                publisher=publisher(request, language, name),
            )
        ],
    )


def listing_description(subject) -> str:
    if isinstance(subject, Section):
        return subject.description or _("The latest articles in %(section)s.") % {"section": subject.name}
    if isinstance(subject, Tag):
        return _("Articles tagged “%(tag)s”.") % {"tag": subject.name}
    if isinstance(subject, Author):
        name = subject.name or subject.name_en
        return subject.bio or _("Articles by %(author)s.") % {"author": name}
    raise TypeError(f"No description for {subject!r}")


def for_listing(request, subject: Section | Tag | Author, page_number: int, language: str) -> Head:
    """A section's, tag's or author's page of articles."""
    site = site_name(language)
    title = subject.name or (subject.name_en if isinstance(subject, Author) else "")
    path = subject.get_absolute_url(language)
    return Head(
        language=language,
        site=site,
        title=title_with_page(title, page_number),
        description=describe(listing_description(subject)),
        canonical=canonical(request, path, page_number),
        other_languages=[code for code in site_languages() if code != language and subject.is_available_in(code)],
        picture=site_picture(request, site),
        structured_data=[trail(request, language, site, (title, path))],
    )


def for_month(request, month: datetime.datetime, page_number: int, language: str) -> Head:
    site = site_name(language)
    label = month.strftime("%m / %Y")
    with override(language):
        path = reverse("articles:month", kwargs={"year": month.year, "month": month.month})
    return Head(
        language=language,
        site=site,
        title=title_with_page(label, page_number),
        description=_("Articles published in %(month)s.") % {"month": label},
        canonical=canonical(request, path, page_number),
        other_languages=[code for code in site_languages() if code != language],
        picture=site_picture(request, site),
    )


def article_picture(request, article: Article) -> Picture | None:
    """The featured image's social card (1200 × 630, made for sharing), else its largest rendition."""
    renditions = article.renditions
    if not renditions:
        return None
    card = renditions.social or renditions.largest
    return Picture(absolute(request, card.url), card.width, card.height, alt=article.image_alt, own=True)


def for_article(request, article: Article, tags: list[Tag], language: str, *, preview: bool = False) -> Head:
    """
    An article's page. ``tags`` are those the page shows (available in
    ``language``), the bylines come prefetched with their authors: no query.
    A preview is not for indexing: noindex, and no address or structured data.
    """
    site = site_name(language)
    title, description = article.title, describe(article.summary)
    if preview:
        return Head(language=language, site=site, title=title, description=description, noindex=True)
    url = absolute(request, article.get_absolute_url(language))
    published = timezone.localtime(article.published_at).replace(microsecond=0)
    # What readers saw change: the newest correction or update note, else the publication.
    modified = timezone.localtime(article.modified_at).replace(microsecond=0)
    bylines = [
        (
            author.name or author.name_en,
            absolute(request, author.get_absolute_url(language)) if author.is_available_in(language) else None,
        )
        for author in (line.author for line in article.bylines.all())
    ]
    picture = article_picture(request, article)
    images = []
    if picture:
        images = list(dict.fromkeys([absolute(request, article.renditions.largest.url), picture.url]))
    section = article.section.name
    tag_names = [tag.name for tag in tags]
    return Head(
        language=language,
        site=site,
        title=title,
        description=description,
        canonical=url,
        open_graph_type="article",
        other_languages=[code for code in article.available_languages() if code != language],
        picture=picture or site_picture(request, site),
        published=published,
        modified=modified,
        section=section,
        tags=tag_names,
        author_urls=[author_url for _name, author_url in bylines if author_url],
        structured_data=[
            structured_data.news_article(
                url=url,
                headline=title,
                description=description,
                images=images,
                published=published.isoformat(),
                modified=modified.isoformat(),
                authors=bylines,
                publisher=publisher(request, language, site),
                language=language,
                section=section,
                keywords=tag_names,
            ),
            trail(request, language, site, (section, article.section.get_absolute_url(language)), (title, url)),
        ],
    )


def for_page(request, title: str, description: str, language: str, *, noindex: bool = False, page_number: int = 1):
    """
    Any other page (search results, error pages): indexed pages get a
    canonical address (their path, ``?page=N`` kept) and Open Graph; noindex
    pages only their description.
    """
    site = site_name(language)
    if noindex:
        return Head(language=language, site=site, title=title, description=describe(description), noindex=True)
    return Head(
        language=language,
        site=site,
        title=title_with_page(title, page_number),
        description=describe(description),
        canonical=canonical(request, request.path, page_number),
        picture=site_picture(request, site),
    )
