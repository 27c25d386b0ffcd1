"""
Armenian to Latin transliteration for slugs.

Editors type a title in Armenian; the slug is prefilled with a readable Latin
form that stays ASCII in URLs, and they may replace it with Armenian script.
The same table is mirrored for the admin in static/admin/js/transliterate.js;
tests/test_slugs.py checks that the two agree.
"""

from django.utils.text import slugify

ARMENIAN_TO_LATIN = {
    "ա": "a",
    "բ": "b",
    "գ": "g",
    "դ": "d",
    "ե": "e",
    "զ": "z",
    "է": "e",
    "ը": "y",
    "թ": "t",
    "ժ": "zh",
    "ի": "i",
    "լ": "l",
    "խ": "kh",
    "ծ": "ts",
    "կ": "k",
    "հ": "h",
    "ձ": "dz",
    "ղ": "gh",
    "ճ": "ch",
    "մ": "m",
    "յ": "y",
    "ն": "n",
    "շ": "sh",
    "ո": "o",
    "չ": "ch",
    "պ": "p",
    "ջ": "j",
    "ռ": "r",
    "ս": "s",
    "վ": "v",
    "տ": "t",
    "ր": "r",
    "ց": "ts",
    "ւ": "v",
    "փ": "p",
    "ք": "k",
    "և": "ev",
    "օ": "o",
    "ֆ": "f",
}

# Digraphs read as one sound and go first.
ARMENIAN_DIGRAPHS = {"ու": "u"}


def transliterate(text: str) -> str:
    """Return ``text`` with Armenian letters spelled in Latin; other characters are kept."""
    text = text.lower()
    for digraph, latin in ARMENIAN_DIGRAPHS.items():
        text = text.replace(digraph, latin)
    return "".join(ARMENIAN_TO_LATIN.get(char, char) for char in text)


def slug_from_title(title: str, max_length: int = 200) -> str:
    """A Latin slug for a title in any of the site's scripts."""
    return slugify(transliterate(title))[:max_length].strip("-")
