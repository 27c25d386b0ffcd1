"""
The site's identity: its name, tagline and logos, in each language.

Each of ``SITE_NAME``, ``SITE_TAGLINE`` and ``SITE_LOGO`` is read from the
environment as one value for every language ("Newsroom") or one per language
("en=Newsroom,hy=Նյուզռում"); a language the variable leaves out gets the
default, which for the name and tagline goes through the interface catalogue.
The settings hold lazy strings that read in the active language, so that
``str(settings.SITE_NAME)`` is right wherever a language is active; other apps
call ``site_name(language)`` (feed titles, the news sitemap's publication name).

This module is imported by newsroom/settings.py: it must import nothing that
needs the settings at import time.
"""

import functools
import re

from django.utils.functional import Promise, lazy
from django.utils.translation import get_language, override

ANY_LANGUAGE = "*"
_LANGUAGE_PREFIX = re.compile(r"^\s*([a-z]{2,3}(?:-[a-z0-9]+)?)\s*=(.*)$", re.IGNORECASE)


def per_language(raw: str) -> dict[str, str]:
    """
    ``"en=Newsroom,hy=Նյուզռում"`` as ``{"en": "Newsroom", "hy": "Նյուզռում"}``;
    a value without language prefixes (commas allowed) as ``{"*": value}``; ``""`` as ``{}``.
    """
    raw = raw.strip()
    if not raw:
        return {}
    parts = [_LANGUAGE_PREFIX.match(part) for part in raw.split(",")]
    if not all(parts):
        return {ANY_LANGUAGE: raw}
    return {match[1].lower(): match[2].strip() for match in parts if match[2].strip()}


def translated_setting(raw: str, default) -> Promise:
    """A lazy string: the value ``raw`` gives the active language, else ``default`` (itself lazy, translated)."""
    values = per_language(raw)

    def in_active_language() -> str:
        language = get_language()
        return values.get(language) or values.get(ANY_LANGUAGE) or str(default)

    return lazy(in_active_language, str)()


def _in(language: str, value) -> str:
    with override(language):
        return str(value)


def site_name(language: str | None = None) -> str:
    """The site's name in ``language`` (the active one when None): for titles, feeds, sitemaps, JSON-LD."""
    from django.conf import settings

    return _in(language or get_language(), settings.SITE_NAME)


def site_tagline(language: str | None = None) -> str:
    """The line that follows the name on the home page's title and in the footer."""
    from django.conf import settings

    return _in(language or get_language(), settings.SITE_TAGLINE)


def site_logo(language: str | None = None) -> str:
    """The header logo's static path in ``language``."""
    from django.conf import settings

    return _in(language or get_language(), settings.SITE_LOGO)


@functools.cache
def static_image_size(path: str) -> tuple[int, int] | None:
    """
    Width and height of a static image (the publisher logo, the default card),
    read once per process: structured data and Open Graph want them, and a
    page view should not open a file. None when the file cannot be read.
    """
    from django.contrib.staticfiles import finders
    from PIL import Image, UnidentifiedImageError

    found = finders.find(path)
    if not found:
        return None
    try:
        with Image.open(found) as image:
            return image.size
    except (OSError, UnidentifiedImageError):
        return None
