"""Reading sitemaps as a search engine does: XML parsed by lxml, in the protocol's namespaces."""

from urllib.parse import urlsplit

from lxml import etree

SITEMAP = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML = "http://www.w3.org/1999/xhtml"
NEWS = "http://www.google.com/schemas/sitemap-news/0.9"
NS = {"s": SITEMAP, "xhtml": XHTML, "news": NEWS}


def parse(response):
    assert response.status_code == 200, response.status_code
    assert response["Content-Type"].startswith("application/xml")
    return etree.fromstring(response.content)


def listed(root) -> dict[str, dict[str, str]]:
    """Each <loc> of a urlset with its alternates: {url: {hreflang: href}}."""
    return {
        url.findtext("s:loc", namespaces=NS): {
            link.get("hreflang"): link.get("href") for link in url.findall("xhtml:link[@rel='alternate']", NS)
        }
        for url in root.findall("s:url", NS)
    }


def path_of(url: str) -> str:
    parts = urlsplit(url)
    return parts.path + (f"?{parts.query}" if parts.query else "")
