"""Reads a page's <head> as a search engine or a social network does: with an HTML parser and json.loads."""

import json
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class ParsedHead:
    title: str = ""
    meta: dict[str, list[str]] = field(default_factory=dict)  # by name or property
    links: dict[str, list[dict]] = field(default_factory=dict)  # by rel
    json_ld: list[dict] = field(default_factory=list)
    scripts: list[str] = field(default_factory=list)  # raw text of every ld+json script

    def one(self, key: str) -> str:
        values = self.meta.get(key, [])
        assert len(values) == 1, f"{key}: {values}"
        return values[0]

    def all(self, key: str) -> list[str]:
        return self.meta.get(key, [])

    @property
    def canonical(self) -> str | None:
        links = self.links.get("canonical", [])
        assert len(links) <= 1, links
        return links[0]["href"] if links else None

    def structured(self, type_: str) -> dict:
        found = [data for data in self.json_ld if data.get("@type") == type_]
        assert len(found) == 1, f"{type_}: {[data.get('@type') for data in self.json_ld]}"
        return found[0]


class _HeadParser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.head = ParsedHead()
        self.in_head = False
        self.text_of = None  # "title" or "ld+json" while inside one
        self.text = []

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "head":
            self.in_head = True
        if not self.in_head:
            return
        if tag == "meta" and ("name" in attrs or "property" in attrs):
            key = attrs.get("name") or attrs.get("property")
            self.head.meta.setdefault(key, []).append(attrs.get("content"))
        elif tag == "link":
            self.head.links.setdefault(attrs.get("rel"), []).append(attrs)
        elif tag == "title" or (tag == "script" and attrs.get("type") == "application/ld+json"):
            self.text_of, self.text = tag, []

    def handle_data(self, data):
        if self.text_of:
            self.text.append(data)

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if self.text_of and tag == self.text_of:
            text = "".join(self.text)
            if tag == "title":
                self.head.title = text
            else:
                self.head.scripts.append(text)
                self.head.json_ld.append(json.loads(text))
            self.text_of = None


def parse_head(html: str | bytes) -> ParsedHead:
    parser = _HeadParser()
    parser.feed(html.decode() if isinstance(html, bytes) else html)
    parser.close()
    return parser.head
