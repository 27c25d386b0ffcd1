"""
What search engines read, at the site root: the sitemap index, each sitemap's
pages, the Google News sitemap and robots.txt. Cached like any public page.

They speak no reader's language: each is made in the default language, and a
bad address (unknown sitemap, page beyond the last) answers the site's 404 page
in it too, so a cached copy never carries the language of whoever asked first.
"""

import functools

from django.conf import settings
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.core.paginator import EmptyPage, PageNotAnInteger
from django.http import Http404
from django.shortcuts import render
from django.urls import reverse
from django.utils import translation
from django.views.defaults import page_not_found

from articles.models import site_languages
from pagecache.decorators import public_page

from .site import site_origin
from .sitemaps import SITEMAPS, recent_news

XML = "application/xml"


def for_crawlers(view):
    """Made in the default language, its 404 included."""

    @functools.wraps(view)
    def in_default_language(request, *args, **kwargs):
        with translation.override(settings.LANGUAGE_CODE):
            try:
                return view(request, *args, **kwargs)
            except Http404 as exception:
                return page_not_found(request, exception)

    return in_default_language


@public_page
@x_robots_tag
@for_crawlers
def sitemap_index(request):
    """Every page of every sitemap, each with the last change it lists."""
    origin = site_origin()
    pages = []
    for section, sitemap_class in SITEMAPS.items():
        sitemap = sitemap_class()
        url = origin + reverse("crawlers:sitemap", kwargs={"section": section})
        lastmod = sitemap.get_latest_lastmod()
        pages.append(SitemapIndexItem(url, lastmod))
        pages += [SitemapIndexItem(f"{url}?p={page}", lastmod) for page in range(2, sitemap.paginator.num_pages + 1)]
    return render(request, "sitemap_index.xml", {"sitemaps": pages}, content_type=XML)


@public_page(query=["p"])
@x_robots_tag
@for_crawlers
def sitemap(request, section):
    if section not in SITEMAPS:
        raise Http404
    try:
        urls = SITEMAPS[section]().get_urls(page=request.GET.get("p", 1))
    except (EmptyPage, PageNotAnInteger) as error:
        raise Http404 from error
    return render(request, "sitemap.xml", {"urlset": urls}, content_type=XML)


@public_page
@x_robots_tag
@for_crawlers
def news_sitemap(request):
    return render(request, "crawlers/news_sitemap.xml", {"news": recent_news()}, content_type=XML)


@public_page
@for_crawlers
def robots_txt(request):
    """Crawlers stay out of the admin and the previews (which need a login anyway), and learn the sitemaps."""
    previews = []
    for language in site_languages():
        with translation.override(language):
            # The preview address without its article id: /en/preview/.
            previews.append(reverse("articles:preview", kwargs={"pk": 1}).removesuffix("1/"))
    origin = site_origin()
    context = {
        "disallowed": [reverse("admin:index"), *previews],
        "sitemaps": [origin + reverse("crawlers:index"), origin + reverse("crawlers:news")],
    }
    return render(request, "crawlers/robots.txt", context, content_type="text/plain; charset=utf-8")
