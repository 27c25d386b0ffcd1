"""
Latin spellings of titles for slugs, in any of the scripts a site language may use.

Editors type a title in Armenian, Russian, Georgian...; the slug is prefilled
with a readable Latin form that stays ASCII in URLs, and they may replace it
with a slug in their own script. Armenian uses the table below, whose spelling
reads better to Armenian readers than a generic one; every other script is
spelled letter by letter by anyascii, a maintained transliteration library.

The admin prefills slugs in the browser, so the same letters are written for
it into static/admin/js/transliteration_table.js by ``manage.py
write_transliteration_table``; tests/articles/test_slugs.py checks that the
file is current and that the browser and the server spell titles alike.
"""

from anyascii import anyascii
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

# Alphabets whose letters are spelled by anyascii: Latin with diacritics,
# Greek, Cyrillic and Georgian. A bounded set, so the browser's copy stays small.
SCRIPT_RANGES = [(0x00C0, 0x024F), (0x0370, 0x03FF), (0x0400, 0x04FF), (0x10A0, 0x10FF), (0x1C90, 0x1CBF)]


def _letters() -> dict[str, str]:
    table = {}
    for first, last in SCRIPT_RANGES:
        for code in range(first, last + 1):
            char = chr(code)
            if char.lower() == char and char.isalpha():
                table[char] = anyascii(char).lower()
    return table | ARMENIAN_TO_LATIN


LETTERS = _letters()


def transliterate(text: str) -> str:
    """Return ``text`` with letters of the known scripts spelled in Latin; other characters are kept."""
    text = text.lower()
    for digraph, latin in ARMENIAN_DIGRAPHS.items():
        text = text.replace(digraph, latin)
    return "".join(LETTERS.get(char, char) for char in text)


def slug_from_title(title: str, max_length: int = 200) -> str:
    """A Latin slug for a title in any of the site's scripts."""
    return slugify(transliterate(title))[:max_length].strip("-")
