"""
The site's own address, as search engines should read it: SITE_URL.

Sitemaps and robots.txt write absolute URLs from SITE_URL rather than from the
request's Host header, so every copy of them (whichever host name a crawler,
a proxy or a health check used) names the one canonical address.

django.contrib.sites keeps a domain of its own in the database (the Site row
that django.contrib.redirects files its redirects under). Every ``migrate``
copies SITE_URL's host into it, so it follows the deployment's setting
instead of Django's "example.com".
"""

from urllib.parse import urlsplit

from django.conf import settings

from metadata.identity import site_name


def site_origin() -> str:
    """``https://news.example.org``: SITE_URL's scheme and host, without a path or a trailing slash."""
    parts = urlsplit(settings.SITE_URL)
    return f"{parts.scheme}://{parts.netloc}"


def follow_site_url(using="default", apps=None, **kwargs) -> None:
    """post_migrate: the current Site takes SITE_URL's host as its domain and the site's name."""
    from django.contrib.sites.models import Site

    domain = urlsplit(settings.SITE_URL).netloc
    name = site_name(settings.LANGUAGE_CODE)[:50]
    Site.objects.using(using).update_or_create(pk=settings.SITE_ID, defaults={"domain": domain, "name": name})
    Site.objects.clear_cache()
