"""
The site's feeds, on Django's syndication framework: RSS 2.0 and Atom of the
newest public articles in a language, in one section, under one tag or by one
author, and of the approved comments on one article.

Django keeps one Feed instance per URL and calls it for every request, so
nothing about a request may be stored on it. get_object() returns a Listing
instead, which carries the request and language along, and items() hands out
entries that hold their listing: every item method can then build absolute
addresses from the request, never from a configured host name.

Each feed reads a fixed number of rows whatever the archive holds: the
subject (a section, tag, author or article), the items, and for articles
their bylines and tags.
"""

from dataclasses import dataclass

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Q
from django.http import HttpRequest
from django.http.request import split_domain_port
from django.utils.feedgenerator import Enclosure
from django.utils.html import escape
from django.utils.text import Truncator
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from modeltranslation.utils import build_localized_fieldname

from articles.models import Article, Author, Section, Tag, address, bylines_in_order, site_languages
from comments.models import Comment
from comments.templatetags.comments import comment_text
from metadata.identity import site_name
from pagecache.decorators import public_page

from .content import with_absolute_urls
from .generators import AtomFeed, RssFeed

# When the full text is off and an article has no summary, its description is the body's first words.
DESCRIPTION_WORDS = 50


@dataclass(frozen=True)
class Listing:
    """What one request's feed is about: ``subject`` (None for the whole site) in ``language``."""

    request: HttpRequest
    language: str
    subject: Section | Tag | Author | Article | None = None

    def absolute(self, url: str) -> str:
        return self.request.build_absolute_uri(url)

    def tag_uri(self, row, kind: str) -> str:
        """
        A permanent id for a feed item (RFC 4151): unlike its address, it
        survives a new slug, so readers do not show a renamed article twice.
        """
        domain, _port = split_domain_port(self.request.get_host())
        return f"tag:{domain},{row.created_at:%Y-%m-%d}:{kind}/{row.pk}/{self.language}"


@dataclass(frozen=True)
class Entry:
    """One item of a feed, with the listing it appears in."""

    listing: Listing
    row: Article | Comment


@public_page
class NewsroomFeed(Feed):
    """What every feed of the site shares; RSS unless a subclass mixes in AtomFormat."""

    feed_type = RssFeed
    # The RSS feed's URL name in feeds/urls.py; the Atom one's adds "_atom".
    url_name = ""

    def get_object(self, request, **slugs) -> Listing:
        language = get_language()
        return Listing(request, language, self.subject(language, **slugs))

    def subject(self, language: str, **slugs):
        """The row the feed is about; a slug that names none raises DoesNotExist, which Django answers with a 404."""
        return None

    @classmethod
    def url_slugs(cls, subject, language: str) -> dict[str, str]:
        return {"slug": subject.slug_in(language)}

    @classmethod
    def address(cls, subject, language: str) -> str:
        """The RSS feed's address (path) in ``language``."""
        slugs = cls.url_slugs(subject, language) if subject is not None else {}
        return address(f"feeds:{cls.url_name}", language, **slugs)

    @classmethod
    def title_of(cls, subject) -> str:
        """The feed's title, also named by the pages' <link rel="alternate">: the site's name unless a subject adds its own."""
        return site_name()

    def title(self, listing: Listing) -> str:
        return self.title_of(listing.subject)

    def link(self, listing: Listing) -> str:
        """The page the feed follows."""
        return listing.absolute(listing.subject.get_absolute_url(listing.language))

    def feed_url(self, listing: Listing) -> str:
        return listing.absolute(listing.request.path)

    def feed_guid(self, listing: Listing) -> str:
        return self.feed_url(listing)

    def author_name(self, listing: Listing) -> str:
        # Atom asks for an author of the feed when an entry names none.
        return site_name()

    def item_guid(self, entry: Entry) -> str:
        return entry.listing.tag_uri(entry.row, entry.row._meta.model_name)

    def item_guid_is_permalink(self, entry: Entry) -> bool:
        return False


class ArticleFeed(NewsroomFeed):
    """The newest public articles available in the feed's language that ``articles_of(subject)`` selects."""

    def articles_of(self, subject) -> Q:
        return Q()

    def items(self, listing: Listing) -> list[Entry]:
        language = listing.language
        other_bodies = [build_localized_fieldname("body", code) for code in site_languages() if code != language]
        articles = (
            Article.objects.published()
            .available_in(language)
            .filter(self.articles_of(listing.subject))
            .select_related("section")
            .prefetch_related(bylines_in_order(), "tags")
            .defer(*other_bodies)
            .order_by("-published_at", "-pk")[: settings.FEEDS_ITEMS]
        )
        return [Entry(listing, article) for article in articles]

    def item_title(self, entry: Entry) -> str:
        return entry.row.title

    def item_link(self, entry: Entry) -> str:
        return entry.listing.absolute(entry.row.get_absolute_url(entry.listing.language))

    def item_description(self, entry: Entry) -> str:
        """The summary (as HTML: it is plain text), or without one the body's first words."""
        article = entry.row
        if article.summary:
            return escape(article.summary)
        return Truncator(self.body(entry)).words(DESCRIPTION_WORDS, html=True)

    def body(self, entry: Entry) -> str:
        return with_absolute_urls(entry.row.body, self.item_link(entry))

    def item_pubdate(self, entry: Entry):
        return entry.row.published_at

    def item_updateddate(self, entry: Entry):
        # What readers saw change: the newest correction or update note, else the publication.
        return entry.row.modified_at

    def item_categories(self, entry: Entry) -> list[str]:
        """The section, then the tags named in the feed's language."""
        article, language = entry.row, entry.listing.language
        return [str(article.section), *(tag.name for tag in article.tags.all() if tag.is_available_in(language))]

    def item_enclosures(self, entry: Entry) -> list[Enclosure]:
        """The featured image's largest JPEG (or PNG), its length read from the row."""
        renditions = entry.row.renditions
        if not renditions:
            return []
        largest = renditions.largest
        return [Enclosure(entry.listing.absolute(largest.url), str(renditions.size_of(largest)), largest.mime_type)]

    def item_extra_kwargs(self, entry: Entry) -> dict:
        language = entry.listing.language
        authors = [
            (
                str(author),
                entry.listing.absolute(author.get_absolute_url(language)) if author.is_available_in(language) else None,
            )
            for author in (byline.author for byline in entry.row.bylines.all())
        ]
        return {"authors": authors, "content": self.body(entry) if settings.FEEDS_FULL_TEXT else None}


class SiteFeed(ArticleFeed):
    url_name = "site"

    def link(self, listing: Listing) -> str:
        return listing.absolute(address("articles:home", listing.language))

    def description(self, listing: Listing) -> str:
        return _("The newest articles from %(site)s.") % {"site": site_name()}


class SectionFeed(ArticleFeed):
    url_name = "section"

    def subject(self, language: str, section_slug: str) -> Section:
        return Section.objects.by_slug(section_slug, language).get()

    @classmethod
    def url_slugs(cls, subject, language: str) -> dict[str, str]:
        return {"section_slug": subject.slug_in(language)}

    def articles_of(self, subject) -> Q:
        return Q(section=subject)

    @classmethod
    def title_of(cls, subject) -> str:
        return _("%(site)s: %(section)s") % {"site": site_name(), "section": subject}

    def description(self, listing: Listing) -> str:
        return _("The newest articles in %(section)s.") % {"section": listing.subject}


class TagFeed(ArticleFeed):
    url_name = "tag"

    def subject(self, language: str, slug: str) -> Tag:
        return Tag.objects.by_slug(slug, language).get()

    def articles_of(self, subject) -> Q:
        return Q(tags=subject)

    @classmethod
    def title_of(cls, subject) -> str:
        return _("%(site)s: articles tagged %(tag)s") % {"site": site_name(), "tag": subject}

    def description(self, listing: Listing) -> str:
        return _("The newest articles tagged %(tag)s.") % {"tag": listing.subject}


class AuthorFeed(ArticleFeed):
    url_name = "author"

    def subject(self, language: str, slug: str) -> Author:
        return Author.objects.by_slug(slug, language).get()

    def articles_of(self, subject) -> Q:
        return Q(bylines__author=subject)

    @classmethod
    def title_of(cls, subject) -> str:
        return _("%(site)s: articles by %(author)s") % {"site": site_name(), "author": subject}

    def description(self, listing: Listing) -> str:
        return _("The newest articles by %(author)s.") % {"author": listing.subject}


class CommentsFeed(NewsroomFeed):
    """
    The newest approved comments on one public article, as its page in the
    feed's language shows them: that language's conversation, escaped text,
    paragraphs kept, links marked. Commenters are named,
    and nothing else about them is given out (never an email or a hash of one).
    """

    url_name = "comments"

    def subject(self, language: str, section_slug: str, slug: str) -> Article:
        public = Article.objects.published().available_in(language).select_related("section")
        article = public.by_slug(slug, language).get()
        if article.section.slug_in(language) != section_slug:
            raise Article.DoesNotExist
        return article

    @classmethod
    def url_slugs(cls, subject, language: str) -> dict[str, str]:
        return {"section_slug": subject.section.slug_in(language), "slug": subject.slug_in(language)}

    @classmethod
    def title_of(cls, subject) -> str:
        return _("Comments on “%(title)s”") % {"title": subject.title}

    def description(self, listing: Listing) -> str:
        return _("The newest comments on “%(title)s”.") % {"title": listing.subject.title}

    def items(self, listing: Listing) -> list[Entry]:
        # Read through the article's own manager, so each comment knows its article without a query.
        comments = listing.subject.comments.public().for_language(listing.language)
        comments = comments.order_by("-created_at", "-pk")[: settings.FEEDS_ITEMS]
        return [Entry(listing, comment) for comment in comments]

    def item_title(self, entry: Entry) -> str:
        return _("Comment by %(name)s") % {"name": entry.row.name}

    def item_link(self, entry: Entry) -> str:
        return entry.listing.absolute(entry.row.get_absolute_url(entry.listing.language))

    def item_description(self, entry: Entry) -> str:
        return comment_text(entry.row.text)

    def item_pubdate(self, entry: Entry):
        return entry.row.created_at

    def item_updateddate(self, entry: Entry):
        # Atom gives every entry a date of change; a comment's text does not change once posted.
        return entry.row.created_at

    def item_extra_kwargs(self, entry: Entry) -> dict:
        return {"authors": [(entry.row.name, None)]}


class AtomFormat:
    """Mixed into a feed, gives it as Atom 1.0, whose subtitle is what RSS calls the description."""

    feed_type = AtomFeed

    def subtitle(self, listing: Listing) -> str:
        return self.description(listing)


class SiteAtomFeed(AtomFormat, SiteFeed):
    pass


class SectionAtomFeed(AtomFormat, SectionFeed):
    pass


class TagAtomFeed(AtomFormat, TagFeed):
    pass


class AuthorAtomFeed(AtomFormat, AuthorFeed):
    pass


class CommentsAtomFeed(AtomFormat, CommentsFeed):
    pass


FEED_OF = {Section: SectionFeed, Tag: TagFeed, Author: AuthorFeed, Article: CommentsFeed}


def feeds_for(subjects, language: str) -> list[tuple[str, str]]:
    """
    (title, RSS address) of the site's feed in ``language`` and of the feed of
    each of ``subjects`` (sections, tags and authors: their articles;
    articles: their comments), for a page's ``<head>``.
    """
    feeds = [(SiteFeed.title_of(None), SiteFeed.address(None, language))]
    for subject in subjects:
        feed = FEED_OF[type(subject)]
        feeds.append((feed.title_of(subject), feed.address(subject, language)))
    return feeds
