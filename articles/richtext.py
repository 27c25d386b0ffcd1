"""
The article body's allowlist. Whatever the editor (or a script posting to the
admin, or the shell) sends, only these tags, attributes and URL schemes are
stored. The prose editor is configured to offer the same set.
"""

import nh3
from django.urls import reverse_lazy

ALLOWED_TAGS = {
    "p",
    "br",
    "strong",
    "em",
    "u",
    "s",
    "sub",
    "sup",
    "h2",
    "h3",
    "h4",
    "ul",
    "ol",
    "li",
    "blockquote",
    "hr",
    "a",
    "figure",
    "figcaption",
    "img",
    # Inline images (images.body.expand_inline_images) are stored as <picture>.
    "picture",
    "source",
}
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    # data-file is the InlineImage a body image was chosen from (images.body).
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading", "decoding", "data-file"},
    "source": {"type", "srcset", "sizes"},
}
ALLOWED_URL_SCHEMES = {"http", "https", "mailto"}

# The editor's extensions, matching the allowlist above.
PROSE_EDITOR_EXTENSIONS = {
    "Bold": True,
    "Italic": True,
    "Underline": True,
    "Strike": True,
    "Subscript": True,
    "Superscript": True,
    "Heading": {"levels": [2, 3, 4]},
    "BulletList": True,
    "OrderedList": True,
    "ListItem": True,
    "Blockquote": True,
    "HorizontalRule": True,
    "HardBreak": True,
    "Link": {"enableTarget": False},
    "History": True,
    # Body images: "Browse..." opens the admin's picker, which uploads
    # through the images app like a featured image.
    "Image": True,
    "Caption": True,
    "Figure": {"pickerUrl": reverse_lazy("admin:articles_inlineimage_picker")},
}


def _safe_srcset(element: str, attribute: str, value: str) -> str | None:
    """nh3 checks the scheme of src and href but not of srcset's URLs, so check them here."""
    if attribute != "srcset":
        return value
    for candidate in value.split(","):
        url = candidate.strip().split(" ")[0]
        scheme = url.split(":", 1)[0].lower() if ":" in url.split("/", 1)[0] else None
        if scheme is not None and scheme not in {"http", "https"}:
            return None
    return value


_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener",
    attribute_filter=_safe_srcset,
)


def sanitize_html(html: str | None) -> str:
    """Return ``html`` with everything outside the allowlist removed."""
    if not html:
        return ""
    cleaned = _cleaner.clean(html).strip()
    # ProseMirror sends one empty paragraph for an empty document.
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned
