"""
RSS 2.0 and Atom as Django's feed generators write them, plus what a news
feed carries that they do not: the full text (RSS ``content:encoded``, Atom
``<content>``) and every author of the byline (Django writes one at most).

Each item may carry ``content`` (HTML, or None when the full text is off)
and ``authors``, a list of (name, page address or None) pairs.

XML 1.0 has no place for most control characters, and Django's writer
refuses them with an error, which would make the feed a server error. A
title pasted from a word processor may well hold one (a vertical tab for a
line break), so every text is written without them.
"""

import re

from django.utils import feedgenerator

CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"
DUBLIN_CORE_NAMESPACE = "http://purl.org/dc/elements/1.1/"


NOT_IN_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def writable(value):
    """``value`` with the characters XML 1.0 cannot hold taken out of every text in it."""
    if isinstance(value, str):
        return NOT_IN_XML.sub("", value)
    if isinstance(value, list | tuple):
        return type(value)(writable(part) for part in value)
    return value


class WritableText:
    """Mixed into a feed generator: the feed and each item keep only what XML can hold."""

    def __init__(self, *args, **kwargs):
        super().__init__(*writable(args), **{name: writable(value) for name, value in kwargs.items()})

    def add_item(self, *args, **kwargs):
        super().add_item(*writable(args), **{name: writable(value) for name, value in kwargs.items()})


class RssFeed(WritableText, feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        return super().rss_attributes() | {"xmlns:content": CONTENT_NAMESPACE, "xmlns:dc": DUBLIN_CORE_NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        # RSS's own <author> must be an email address, which no byline or commenter gives out.
        for name, _url in item.get("authors", ()):
            handler.addQuickElement("dc:creator", name)
        if item.get("content") is not None:
            handler.addQuickElement("content:encoded", item["content"])


class AtomFeed(WritableText, feedgenerator.Atom1Feed):
    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        for name, url in item.get("authors", ()):
            handler.startElement("author", {})
            handler.addQuickElement("name", name)
            if url:
                handler.addQuickElement("uri", url)
            handler.endElement("author")
        if item.get("content") is not None:
            handler.addQuickElement("content", item["content"], {"type": "html"})
