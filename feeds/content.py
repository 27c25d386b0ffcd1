"""
An article body as a feed carries it: the same sanitised HTML the page
shows, with every address made absolute. A feed reader shows the body away
from the site, where "/media/..." or "/en/news/..." would lead nowhere.
"""

from urllib.parse import urljoin

import nh3

from articles.richtext import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, ALLOWED_URL_SCHEMES


def with_absolute_urls(html: str, base_url: str) -> str:
    """
    ``html`` with each link, image source and srcset candidate resolved
    against ``base_url`` (the article's absolute address). The body went
    through the allowlist when it was saved; it goes through it again here
    because the HTML parser is what finds the attributes, so that text which
    merely looks like an attribute is never rewritten. nh3 resolves href and
    src itself; srcset, a list of addresses, is resolved here.
    """

    def absolute_srcset(element: str, attribute: str, value: str) -> str:
        if attribute != "srcset":
            return value
        return ", ".join(
            _absolute_candidate(candidate, base_url) for candidate in value.split(",") if candidate.strip()
        )

    return nh3.clean(
        html or "",
        tags=ALLOWED_TAGS,
        attributes=ALLOWED_ATTRIBUTES,
        url_schemes=ALLOWED_URL_SCHEMES,
        link_rel="noopener",
        attribute_filter=absolute_srcset,
        url_relative=("rewrite_with_base", base_url),
    )


def _absolute_candidate(candidate: str, base_url: str) -> str:
    """One srcset candidate, "url 480w", with its address made absolute."""
    url, *descriptors = candidate.split()
    return " ".join([urljoin(base_url, url), *descriptors])
