"""
Schema.org structured data as JSON-LD: what search engines read to show an
article as news (headline, image, dates, authors, publisher), the trail of
pages above it, and the site's own search box.

Each function returns a plain dict of absolute URLs and strings; ``json_ld``
writes it into the page.
"""

import json

from django.core.serializers.json import DjangoJSONEncoder
from django.utils.safestring import SafeString, mark_safe

CONTEXT = "https://schema.org"


def json_ld(data: dict) -> SafeString:
    """
    ``<script type="application/ld+json">`` holding ``data``, escaped as
    django.utils.html.json_script escapes: "</script>" or "<!--" in a title
    must not end the element, and JSON allows these escapes in any string.
    (replace(), not str.translate, which took 0.17 ms per Armenian page: it maps every character.)
    """
    text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003C").replace(">", "\\u003E").replace("&", "\\u0026")
    return mark_safe(f'<script type="application/ld+json">{text}</script>')  # nosec B308  # <, > and & escaped above


def image_object(url: str, width: int | None = None, height: int | None = None) -> dict:
    image = {"@type": "ImageObject", "url": url}
    if width and height:
        image |= {"width": width, "height": height}
    return image


def organization(name: str, url: str, logo: dict | None) -> dict:
    """The publisher: the newsroom, its home page and logo."""
    publisher = {"@type": "Organization", "name": name, "url": url}
    if logo:
        publisher["logo"] = logo
    return publisher


def news_article(
    *,
    url: str,
    headline: str,
    description: str,
    images: list[str],
    published: str,
    modified: str,
    authors: list[tuple[str, str | None]],
    publisher: dict,
    language: str,
    section: str,
    keywords: list[str],
) -> dict:
    """A ``NewsArticle``; ``authors`` as (name, address of their page or None)."""
    article = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "url": url,
        "headline": headline,
        "datePublished": published,
        "dateModified": modified,
        "inLanguage": language,
        "author": [
            {"@type": "Person", "name": name, **({"url": author_url} if author_url else {})}
            for name, author_url in authors
        ],
        "publisher": publisher,
        "articleSection": section,
    }
    if description:
        article["description"] = description
    if images:
        article["image"] = images
    if keywords:
        article["keywords"] = keywords
    return article


def breadcrumbs(trail: list[tuple[str, str]]) -> dict:
    """A ``BreadcrumbList`` of (name, absolute URL), from the home page down to this page."""
    return {
        "@context": CONTEXT,
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(trail, start=1)
        ],
    }


def website(*, name: str, url: str, language: str, search_url_template: str, publisher: dict) -> dict:
    """The site, with the ``SearchAction`` that lets a search engine offer its own search box."""
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "name": name,
        "url": url,
        "inLanguage": language,
        "publisher": publisher,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": search_url_template},
            "query-input": "required name=search_term_string",
        },
    }
