"""
WordPress post content into HTML that Newsroom's body sanitiser
(articles.richtext) keeps as it was meant: block-editor comments removed,
``[caption]`` made a figure with its caption, other shortcodes dropped (and
counted), and the classic editor's bare line breaks made paragraphs the way
WordPress's wpautop() shows them. Images are the importer's business: it
passes a function to ``rewrite_images`` that puts each into the pipeline.

Everything here works on text with regular expressions, as WordPress itself
does; the result always goes through nh3 when the article is saved, so a
pattern that misses leaves untidy but safe HTML.
"""

import html
import re
from collections.abc import Callable

_BLOCK_COMMENT = re.compile(r"<!--\s*/?wp:.*?-->", re.DOTALL)
_CAPTION = re.compile(r"\[(caption|wp_caption)\b([^\]]*)\](.*?)\[/\1\]", re.DOTALL | re.IGNORECASE)
_CAPTION_IMAGE = re.compile(r"^\s*((?:<a\b[^>]*>\s*)?<img\b[^>]*>(?:\s*</a>)?)(.*)$", re.DOTALL | re.IGNORECASE)
_ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>\]]+))""")
# A shortcode as WordPress writes it: [name], [name attr="x"], [/name]; [[name]] is
# WordPress's way of showing one literally.
_SHORTCODE = re.compile(r"\[(\[?)(/?)([A-Za-z][\w-]*)((?:\s[^\]]*)?)(/?)\](\]?)")
# Shortcodes of WordPress and its common plugins, dropped even without attributes or
# a closing tag; any other bracketed word ("[sic]", "[update]") is text and stays.
KNOWN_SHORTCODES = frozenset(
    {
        "audio",
        "video",
        "playlist",
        "gallery",
        "embed",
        "wp_caption",
        "caption",
        "contact-form-7",
        "contact-form",
        "gravityform",
        "vc_row",
        "vc_column",
        "vc_column_text",
        "et_pb_section",
        "et_pb_row",
        "et_pb_column",
        "et_pb_text",
        "su_button",
        "wpforms",
        "ninja_form",
        "soundcloud",
        "youtube",
        "tweet",
        "instagram",
        "googlemaps",
        "pdf-embedder",
        "toc",
        "ads",
        "adsense",
    }
)
_BLOCK_TAGS = (
    "table|thead|tfoot|caption|colgroup|col|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|blockquote|address|"
    "p|h[1-6]|hr|section|article|aside|header|footer|nav|figure|figcaption|details|summary|iframe|script|style"
)
_BLOCK_OPEN = re.compile(rf"(<(?:{_BLOCK_TAGS})\b[^>]*>)", re.IGNORECASE)
_BLOCK_CLOSE = re.compile(rf"(</(?:{_BLOCK_TAGS})>)", re.IGNORECASE)
_STARTS_WITH_BLOCK = re.compile(rf"^</?(?:{_BLOCK_TAGS})\b", re.IGNORECASE)
_PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_HREF = re.compile(r"""(<a\b[^>]*?\bhref\s*=\s*)(["'])([^"']*)\2""", re.IGNORECASE)
_ATTACHMENT_CLASS = re.compile(r"\bwp-image-(\d+)\b")
_HEADING_ONE = re.compile(r"<(/?)h1\b", re.IGNORECASE)
_SMALL_HEADINGS = re.compile(r"<(/?)h[56]\b", re.IGNORECASE)


def attributes(tag: str) -> dict[str, str]:
    """The attributes of one HTML tag (or shortcode), entities decoded, names lower-case."""
    found = {}
    for name, double, single, bare in _ATTRIBUTE.findall(tag):
        found.setdefault(name.lower(), html.unescape(double or single or bare))
    return found


def clean(content: str) -> tuple[str, int]:
    """The content as paragraphs and figures, and how many shortcodes were dropped."""
    content = (content or "").replace("\r\n", "\n").replace("\r", "\n")
    content = _BLOCK_COMMENT.sub("", content)
    content = _CAPTION.sub(_figure, content)
    content, dropped = drop_shortcodes(content)
    # The body allows h2 to h4: a page's one h1 is its title.
    content = _HEADING_ONE.sub(r"<\1h2", content)
    content = _SMALL_HEADINGS.sub(r"<\1h4", content)
    return autop(content), dropped


def _figure(match: re.Match) -> str:
    options, inner = attributes(match.group(2)), match.group(3)
    image = _CAPTION_IMAGE.match(inner)
    if image is None:
        return inner
    caption = image.group(2).strip() or html.escape(options.get("caption", ""))
    caption_html = f"<figcaption>{caption}</figcaption>" if caption else ""
    return f"\n\n<figure>{image.group(1).strip()}{caption_html}</figure>\n\n"


def drop_shortcodes(content: str) -> tuple[str, int]:
    """
    Remove shortcode tags (text between an opening and closing tag stays);
    ``[[name]]`` becomes the literal ``[name]`` as on WordPress.
    """
    closed = {name.lower() for name in re.findall(r"\[/([A-Za-z][\w-]*)\]", content)}
    dropped = 0

    def replace(match: re.Match) -> str:
        nonlocal dropped
        escaped_open, closing, name, options, _self_closing, escaped_close = match.groups()
        if escaped_open and escaped_close:
            return match.group(0)[1:-1]
        lowered = name.lower()
        if lowered not in KNOWN_SHORTCODES and lowered not in closed and "=" not in options:
            return match.group(0)
        if not closing:
            dropped += 1
        return escaped_open + escaped_close

    return _SHORTCODE.sub(replace, content), dropped


def autop(content: str) -> str:
    """
    Paragraphs from blank lines and <br> from single line breaks, outside
    block-level elements, as WordPress's wpautop() shows classic-editor posts.
    Content already made of blocks (the block editor's) comes out unchanged.
    """
    content = _BLOCK_OPEN.sub(r"\n\n\1", content)
    content = _BLOCK_CLOSE.sub(r"\1\n\n", content)
    paragraphs = []
    for chunk in _PARAGRAPH_BREAK.split(content):
        chunk = chunk.strip()
        if not chunk:
            continue
        if _STARTS_WITH_BLOCK.match(chunk):
            paragraphs.append(chunk)
        else:
            paragraphs.append("<p>" + chunk.replace("\n", "<br>\n") + "</p>")
    return "\n".join(paragraphs)


def rewrite_images(content: str, replace: Callable[[str, dict[str, str], int | None], str]) -> str:
    """
    Each <img> through ``replace(src, attributes, attachment_id)``, which
    returns the tag to put in its place ("" drops it). The attachment id comes
    from the block and classic editors' ``wp-image-ID`` class.
    """

    def each(match: re.Match) -> str:
        found = attributes(match.group(0)[4:])
        number = _ATTACHMENT_CLASS.search(found.get("class", ""))
        return replace(found.get("src", ""), found, int(number.group(1)) if number else None)

    return _IMG.sub(each, content)


def rewrite_links(content: str, replace: Callable[[str], str | None]) -> str:
    """Each link's href through ``replace(href)``, which returns the new address or None to leave it."""

    def each(match: re.Match) -> str:
        new = replace(html.unescape(match.group(3)))
        if new is None:
            return match.group(0)
        return f"{match.group(1)}{match.group(2)}{html.escape(new)}{match.group(2)}"

    return _HREF.sub(each, content)
