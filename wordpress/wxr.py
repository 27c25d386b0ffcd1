"""
A streaming reader for WordPress eXtended RSS (WXR), the file that
WordPress's Tools → Export writes (versions 1.0 to 1.2).

The file is read with iterparse and every element is dropped from memory as
soon as it has been turned into one of the records below, so a 1 GB export
costs about as much memory as its largest post. defusedxml refuses a DTD and
entity declarations outright: billion-laugh bombs and external entities never
reach the parser's expansion, and nothing is fetched from the network.

The reader knows the format, not Newsroom: it yields plain records (Site,
Author, Term, Item, Malformed) in the file's order; wordpress.importer
decides what becomes of them.
"""

import dataclasses
import os
from collections.abc import Callable, Iterator
from xml.etree.ElementTree import Element, ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

NAMESPACE_PREFIXES = {
    "http://purl.org/rss/1.0/modules/content/": "content",
    "http://purl.org/dc/elements/1.1/": "dc",
    "http://wellformedweb.org/CommentAPI/": "wfw",
}
SUPPORTED_VERSIONS = {"1.0", "1.1", "1.2"}


class ExportError(Exception):
    """The file cannot be read as a WordPress export (at all, or beyond some point)."""


@dataclasses.dataclass
class Site:
    title: str = ""
    base_site_url: str = ""
    base_blog_url: str = ""
    language: str = ""
    wxr_version: str = ""


@dataclasses.dataclass
class Author:
    login: str
    email: str = ""
    display_name: str = ""


@dataclasses.dataclass
class Term:
    """A category, tag or other taxonomy's term (Polylang's languages and translation groups are terms too)."""

    taxonomy: str
    slug: str
    name: str = ""
    parent: str = ""  # the parent term's slug
    description: str = ""


@dataclasses.dataclass
class Comment:
    id: str
    author: str = ""
    email: str = ""
    url: str = ""
    ip: str = ""
    date: str = ""
    date_gmt: str = ""
    content: str = ""
    approved: str = ""
    type: str = ""
    parent: str = "0"


@dataclasses.dataclass
class Item:
    """A post, page or attachment, with its terms, custom fields and comments."""

    id: int
    post_type: str = "post"
    title: str = ""
    link: str = ""
    creator: str = ""
    content: str = ""
    excerpt: str = ""
    date: str = ""
    date_gmt: str = ""
    modified_gmt: str = ""
    comment_status: str = ""
    name: str = ""
    status: str = ""
    attachment_url: str = ""
    terms: list[tuple[str, str, str]] = dataclasses.field(default_factory=list)  # (taxonomy, slug, name)
    meta: dict[str, str] = dataclasses.field(default_factory=dict)
    comments: list[Comment] = dataclasses.field(default_factory=list)

    def terms_in(self, taxonomy: str) -> list[tuple[str, str]]:
        """(slug, name) of this item's terms in ``taxonomy``, in the export's order."""
        return [(slug, name) for domain, slug, name in self.terms if domain == taxonomy]


@dataclasses.dataclass
class Malformed:
    """An item the reader could not make sense of; the rest of the file still reads."""

    position: int  # the item's number in the file, from 1
    reason: str
    id: str = ""


def _name(tag: str) -> str:
    """``{namespace}local`` as ``prefix:local`` for the namespaces WXR uses, e.g. ``wp:post_id``."""
    if not tag.startswith("{"):
        return tag
    namespace, local = tag[1:].split("}", 1)
    if namespace.startswith("http://wordpress.org/export/"):
        return f"excerpt:{local}" if namespace.rstrip("/").endswith("excerpt") else f"wp:{local}"
    prefix = NAMESPACE_PREFIXES.get(namespace)
    return f"{prefix}:{local}" if prefix else local


def _fields(element: Element) -> dict[str, str]:
    """The text of each child element, by prefixed name (the first of each name)."""
    fields = {}
    for child in element:
        fields.setdefault(_name(child.tag), (child.text or "").strip())
    return fields


def read(path: str | os.PathLike, progress: Callable[[int, int], None] | None = None) -> Iterator:
    """
    Yield the export's records in file order: one Site (once the channel's
    header has been read, before the first item or term), then Author, Term,
    Item and Malformed records. Raises ExportError for a file that is not an
    export, is hostile (DTD, entities) or stops being well-formed; the records
    before that point have been yielded already.
    """
    size = os.path.getsize(path)
    with open(path, "rb") as source:
        site, depth, channel, position = Site(), 0, None, 0
        site_sent = False
        try:
            for event, element in iterparse(source, events=("start", "end"), forbid_dtd=True):
                if event == "start":
                    depth += 1
                    if depth == 1 and element.tag != "rss":
                        raise ExportError("This is not a WordPress export: its root element is not <rss>.")
                    if depth == 2 and element.tag == "channel":
                        channel = element
                    continue
                depth -= 1
                if depth != 2 or channel is None:
                    continue
                # A direct child of <channel>, complete: turn it into a record, then forget it.
                name = _name(element.tag)
                record = None
                if name in {"title", "language", "wp:wxr_version", "wp:base_site_url", "wp:base_blog_url"}:
                    attribute = name.removeprefix("wp:")
                    setattr(site, attribute, (element.text or "").strip())
                elif name == "item":
                    position += 1
                    record = _item(element, position)
                elif name == "wp:author":
                    fields = _fields(element)
                    record = Author(
                        login=fields.get("wp:author_login", ""),
                        email=fields.get("wp:author_email", ""),
                        display_name=fields.get("wp:author_display_name", ""),
                    )
                elif name in {"wp:category", "wp:tag", "wp:term"}:
                    record = _term(name, _fields(element))
                channel.clear()
                if record is None:
                    continue
                if not site_sent:
                    _check_site(site)
                    site_sent = True
                    yield site
                yield record
                if progress and isinstance(record, (Item, Malformed)):
                    progress(source.tell(), size)
        except DefusedXmlException as refused:
            raise ExportError(f"Refused: the file declares a DTD or entities ({type(refused).__name__}).") from None
        except ParseError as error:
            raise ExportError(f"The file stops being well-formed XML: {error}.") from None
        if not site_sent:
            _check_site(site)
            yield site


def _check_site(site: Site) -> None:
    if not site.wxr_version:
        raise ExportError("This is not a WordPress export: it names no WXR version (<wp:wxr_version>).")
    if site.wxr_version not in SUPPORTED_VERSIONS:
        raise ExportError(f"WXR version {site.wxr_version} is not supported (1.0 to 1.2 are).")


def _term(name: str, fields: dict[str, str]) -> Term:
    if name == "wp:category":
        return Term(
            taxonomy="category",
            slug=fields.get("wp:category_nicename", ""),
            name=fields.get("wp:cat_name", ""),
            parent=fields.get("wp:category_parent", ""),
            description=fields.get("wp:category_description", ""),
        )
    if name == "wp:tag":
        return Term(
            taxonomy="post_tag",
            slug=fields.get("wp:tag_slug", ""),
            name=fields.get("wp:tag_name", ""),
            description=fields.get("wp:tag_description", ""),
        )
    return Term(
        taxonomy=fields.get("wp:term_taxonomy", ""),
        slug=fields.get("wp:term_slug", ""),
        name=fields.get("wp:term_name", ""),
        parent=fields.get("wp:term_parent", ""),
        description=fields.get("wp:term_description", ""),
    )


def _item(element: Element, position: int) -> Item | Malformed:
    fields: dict[str, str] = {}
    terms, meta, comments = [], {}, []
    for child in element:
        name = _name(child.tag)
        if name == "category":
            domain, slug = child.get("domain", ""), child.get("nicename", "")
            terms.append((domain, slug, (child.text or "").strip()))
        elif name == "wp:postmeta":
            entry = _fields(child)
            meta.setdefault(entry.get("wp:meta_key", ""), entry.get("wp:meta_value", ""))
        elif name == "wp:comment":
            entry = _fields(child)
            comments.append(
                Comment(
                    id=entry.get("wp:comment_id", ""),
                    author=entry.get("wp:comment_author", ""),
                    email=entry.get("wp:comment_author_email", ""),
                    url=entry.get("wp:comment_author_url", ""),
                    ip=entry.get("wp:comment_author_IP", ""),
                    date=entry.get("wp:comment_date", ""),
                    date_gmt=entry.get("wp:comment_date_gmt", ""),
                    content=entry.get("wp:comment_content", ""),
                    approved=entry.get("wp:comment_approved", ""),
                    type=entry.get("wp:comment_type", ""),
                    parent=entry.get("wp:comment_parent", "0") or "0",
                )
            )
        else:
            # Text keeps its inner whitespace: the content's line breaks are its paragraphs.
            fields.setdefault(name, child.text or "")
    raw_id = fields.get("wp:post_id", "").strip()
    if not raw_id.isdigit() or int(raw_id) == 0:
        reason = "it has no post id" if not raw_id else f"its post id {raw_id[:40]!r} is not a number"
        return Malformed(position, reason, raw_id[:40])
    return Item(
        id=int(raw_id),
        post_type=fields.get("wp:post_type", "post").strip(),
        title=fields.get("title", "").strip(),
        link=fields.get("link", "").strip(),
        creator=fields.get("dc:creator", "").strip(),
        content=fields.get("content:encoded", ""),
        excerpt=fields.get("excerpt:encoded", "").strip(),
        date=fields.get("wp:post_date", "").strip(),
        date_gmt=fields.get("wp:post_date_gmt", "").strip(),
        modified_gmt=fields.get("wp:post_modified_gmt", "").strip(),
        comment_status=fields.get("wp:comment_status", "").strip(),
        name=fields.get("wp:post_name", "").strip(),
        status=fields.get("wp:status", "").strip(),
        attachment_url=fields.get("wp:attachment_url", "").strip(),
        terms=terms,
        meta=meta,
        comments=comments,
    )
