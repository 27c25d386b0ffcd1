"""
Excerpts of search results, with the words found marked.

The body is HTML from the database, and nothing from the database is ever
written to a page unescaped. The databases are given plain text (tags
removed, entities decoded, and any character used as a marker deleted) and
put a private marker around each match (START and STOP, two characters of
Unicode's private use area). Here the text is split on those markers, every
piece escaped, and only then are the markers turned into ``<mark>``.
"""

import html
import re

from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe

START = "\ue000"
STOP = "\ue001"
MARKERS = START + STOP

# A tag, attribute values included (they may hold ">"). Bodies are sanitised and
# serialised by nh3, so every tag is well formed and every value double-quoted.
TAG = re.compile(r"""<(?:"[^"]*"|'[^']*'|[^'">])*>""")


_NO_MARKERS = {ord(marker): None for marker in MARKERS}


def body_text(body: str | None) -> str:
    """The words of an HTML body as a reader sees them, without markers."""
    return " ".join(html.unescape(TAG.sub(" ", body or "")).translate(_NO_MARKERS).split())


def unescaped(marked: str | None) -> str:
    """
    ``marked`` (escaped text with markers) as plain text with the same
    markers: entities are decoded between the markers, and a marker character
    an entity might spell is dropped.
    """
    pieces = re.split(f"([{MARKERS}])", marked or "")
    return "".join(piece if piece in (START, STOP) else html.unescape(piece).translate(_NO_MARKERS) for piece in pieces)


def highlighted(marked: str) -> SafeString:
    """``marked`` escaped, with each START…STOP stretch as ``<mark>…</mark>``."""
    pieces = []
    inside = False
    for piece in re.split(f"([{MARKERS}])", " ".join((marked or "").split())):
        if piece == START and not inside:
            pieces.append("<mark>")
            inside = True
        elif piece == STOP and inside:
            pieces.append("</mark>")
            inside = False
        elif piece not in (START, STOP):
            pieces.append(escape(piece))
    if inside:
        pieces.append("</mark>")
    return mark_safe("".join(pieces))  # nosec B308  # each piece escaped above; only <mark> tags added


def has_match(marked: str | None) -> bool:
    return bool(marked) and START in marked
