"""
The article body's allowlist. Whatever the editor (or a script posting to the
admin, or the shell) sends, only these tags, attributes and URL schemes are
stored. The prose editor is configured to offer the same set.
"""
import nh3

ALLOWED_TAGS = {
    "p", "br", "strong", "em", "u", "s", "sub", "sup", "h2", "h3", "h4",
    "ul", "ol", "li", "blockquote", "hr", "a", "figure", "figcaption", "img",
}  # fmt: skip
ALLOWED_ATTRIBUTES = {
    "a": {"href", "title"},
    "ol": {"start"},
    "img": {"src", "alt", "width", "height", "srcset", "sizes", "loading"},
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
}

_cleaner = nh3.Cleaner(
    tags=ALLOWED_TAGS,
    attributes=ALLOWED_ATTRIBUTES,
    url_schemes=ALLOWED_URL_SCHEMES,
    link_rel="noopener",
)


def sanitize_html(html: str | None) -> str:
    """Return ``html`` with everything outside the allowlist removed."""
    if not html:
        return ""
    cleaned = _cleaner.clean(html).strip()
    # ProseMirror sends one empty paragraph for an empty document.
    return "" if cleaned in {"<p></p>", "<p><br></p>"} else cleaned
