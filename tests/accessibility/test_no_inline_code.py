"""
Reader pages hold no inline style or script (``style=`` attributes, ``<style>``
elements, ``<script>`` without ``src``, ``on…=`` handlers), so that a strict
Content Security Policy can forbid them. A JSON-LD block is data, not code,
and CSP leaves it alone.
"""

from html.parser import HTMLParser

import pytest

from tests.accessibility.conftest import LANGUAGES, comment_post_path, reader_pages

DATA_BLOCKS = {"application/ld+json"}


class InlineCodeFinder(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        where = f"line {self.getpos()[0]}: <{tag}>"
        if "style" in attributes:
            self.found.append(f"{where} style={attributes['style']!r}")
        self.found += [f"{where} {name}=" for name in attributes if name.startswith("on")]
        if tag == "style":
            self.found.append(f"{where} element")
        if tag == "script" and not attributes.get("src") and attributes.get("type") not in DATA_BLOCKS:
            self.found.append(f"{where} without src")


def inline_code(html: str) -> list[str]:
    finder = InlineCodeFinder()
    finder.feed(html)
    return finder.found


def test_inline_code_finder_sees_each_kind():
    html = (
        '<p style="color: red">x</p><button onclick="go()">b</button><style>p {}</style>'
        '<script>alert(1)</script><script src="/static/a.js"></script>'
        '<script type="application/ld+json">{}</script>'
    )

    assert len(inline_code(html)) == 4


@pytest.mark.django_db
def test_reader_pages_hold_no_inline_style_or_script(client, newsroom):
    pages = {
        f"{language} {name}": client.get(path, follow=True)
        for language in LANGUAGES
        for name, path in reader_pages(language).items()
    }
    for language in LANGUAGES:
        pages[f"{language} comment form with errors"] = client.post(comment_post_path(language), {"text": ""})

    found = [
        f"{where}, {finding}" for where, response in pages.items() for finding in inline_code(response.content.decode())
    ]

    assert not found, "\n".join(found)
