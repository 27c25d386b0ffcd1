"""
RSS 2.0 and Atom as Django's feed generators write them, plus what a news
feed carries that they do not: the full text (RSS ``content:encoded``, Atom
``<content>``) and every author of the byline (Django writes one at most).

Each item may carry ``content`` (HTML, or None when the full text is off)
and ``authors``, a list of (name, page address or None) pairs.
"""

from django.utils import feedgenerator

CONTENT_NAMESPACE = "http://purl.org/rss/1.0/modules/content/"
DUBLIN_CORE_NAMESPACE = "http://purl.org/dc/elements/1.1/"


class RssFeed(feedgenerator.Rss201rev2Feed):
    def rss_attributes(self):
        return super().rss_attributes() | {"xmlns:content": CONTENT_NAMESPACE, "xmlns:dc": DUBLIN_CORE_NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        # RSS's own <author> must be an email address, which no byline or commenter gives out.
        for name, _url in item.get("authors", ()):
            handler.addQuickElement("dc:creator", name)
        if item.get("content") is not None:
            handler.addQuickElement("content:encoded", item["content"])


class AtomFeed(feedgenerator.Atom1Feed):
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
