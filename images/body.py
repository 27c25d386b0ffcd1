"""
Images inside rich-text HTML. The body editor stores an inline image as
<img src="…" data-file="ID" alt="…">; on save each one whose image is known
becomes a responsive <picture> element, built from its stored renditions.

The HTML has just been through nh3, whose serialiser writes every attribute
as name="value" with quotes escaped, which is what makes these patterns safe.
"""

import re

from django.utils.html import format_html
from django.utils.safestring import mark_safe

from .renditions import Renditions

# What an earlier expansion wrapped around an <img>; any other <picture> or
# <source> is dropped too, so only renditions made here may appear in a body.
_PICTURE_WRAPPER = re.compile(r"</?picture>|<source\b[^>]*>")
_IMG = re.compile(r'<img((?:\s+[\w-]+="[^"]*")*)\s*/?>')
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
BODY_SIZES = "(min-width: 44rem) 42rem, 100vw"


def inline_image_ids(html: str) -> set[int]:
    """The ids named by ``data-file`` on the images in ``html``."""
    ids = set()
    for match in _IMG.finditer(html or ""):
        value = dict(_ATTRIBUTE.findall(match.group(1))).get("data-file", "")
        if value.isdigit():
            ids.add(int(value))
    return ids


def expand_inline_images(html: str, renditions_by_id: dict[int, Renditions]) -> str:
    """
    Replace each ``<img data-file="ID">`` whose image is known with a
    responsive ``<picture>``; other images are left as they are.
    """
    if not html:
        return html
    html = _PICTURE_WRAPPER.sub("", html)

    def expand(match):
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        value = attributes.get("data-file", "")
        renditions = renditions_by_id.get(int(value)) if value.isdigit() else None
        if not renditions:
            return match.group(0)
        # The alt text comes out of nh3 already escaped; escaping it again would show "&amp;quot;".
        alt = mark_safe(attributes.get("alt", ""))  # nosec B308  # escaped by nh3 when the body was saved
        return format_html(
            '<picture><source type="image/webp" srcset="{}" sizes="{}">'
            '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="lazy" decoding="async"'
            ' data-file="{}"></picture>',
            renditions.webp_srcset,
            BODY_SIZES,
            renditions.src.url,
            renditions.fallback_srcset,
            BODY_SIZES,
            renditions.largest.width,
            renditions.largest.height,
            alt,
            value,
        )

    return _IMG.sub(expand, html)
