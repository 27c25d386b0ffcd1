"""
The public reading site. Every page is in the language of its URL prefix and
shows only content written in that language.
"""

import datetime

from django.conf import settings
from django.contrib.admin.views.decorators import staff_member_required
from django.contrib.auth.decorators import permission_required
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db.models import Prefetch, prefetch_related_objects
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import translate_url
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import get_language

from pagecache.decorators import public_page

from . import workflow
from .models import Article, Author, Byline, Section, Tag, site_languages


def public_articles(language: str):
    return Article.objects.published().available_in(language).with_listing_relations()


def paginate(request, queryset):
    """A page of ``queryset``; a missing, bad or too large ``?page=`` gives the nearest real page."""
    return Paginator(queryset, settings.ARTICLES_PER_PAGE).get_page(request.GET.get("page"))


def same_page_in_every_language(request) -> dict[str, str]:
    """For pages every language has (home, month archives): the current address in each."""
    return {language: translate_url(request.path, language) for language in site_languages()}


def alternates_of(obj) -> dict[str, str]:
    """The same object's address in each language it is available in."""
    return {language: obj.get_absolute_url(language) for language in site_languages() if obj.is_available_in(language)}


@public_page
def home(request):
    language = get_language()
    articles = list(public_articles(language)[:10])
    return render(
        request,
        "articles/home.html",
        {
            "lead": articles[0] if articles else None,
            "latest": articles[1:],
            "alternate_urls": same_page_in_every_language(request),
        },
    )


def listing(request, template: str, subject, articles, **context):
    """A page of ``articles`` about ``subject`` (a section, tag or author), linked to it in every language."""
    context |= {"page_obj": paginate(request, articles), "alternate_urls": alternates_of(subject)}
    return render(request, template, context)


def find_renamed(request, model, slug: str, language: str):
    """
    A section, tag or author not found under ``slug`` in this language: 301 to
    its address when ``slug`` is a former slug of one in this language, or its
    slug in another language (the page asked for is kept); else 404.
    """
    found = model.objects.by_former_slug(slug, language).first() or model.objects.by_slug_in_any_language(slug).first()
    if found is None or not found.slug_in(language):
        raise Http404
    url = found.get_absolute_url(language)
    if "page" in request.GET:
        url += "?" + urlencode({"page": request.GET["page"]})
    return redirect(url, permanent=True)


@public_page(query=["page"])
def section_detail(request, section_slug):
    language = get_language()
    section = Section.objects.by_slug(section_slug, language).first()
    if section is None:
        return find_renamed(request, Section, section_slug, language)
    articles = public_articles(language).filter(section=section)
    return listing(request, "articles/section.html", section, articles, section=section, current_section=section)


@public_page(query=["page"])
def tag_detail(request, slug):
    language = get_language()
    tag = Tag.objects.by_slug(slug, language).first()
    if tag is None:
        return find_renamed(request, Tag, slug, language)
    return listing(request, "articles/tag.html", tag, public_articles(language).filter(tags=tag), tag=tag)


@public_page(query=["page"])
def author_detail(request, slug):
    language = get_language()
    author = Author.objects.by_slug(slug, language).first()
    if author is None:
        return find_renamed(request, Author, slug, language)
    articles = public_articles(language).filter(bylines__author=author)
    return listing(request, "articles/author.html", author, articles, author=author)


@public_page(query=["page"])
def month_archive(request, year, month):
    # A year's margin at both ends of the calendar: the month's end and its
    # conversion to UTC must stay dates too (9999/12 and 1/1 overflowed).
    if not (datetime.MINYEAR < year < datetime.MAXYEAR and 1 <= month <= 12):
        raise Http404
    start = timezone.make_aware(datetime.datetime(year, month, 1))
    end = (start + datetime.timedelta(days=32)).replace(day=1)
    page = paginate(request, public_articles(get_language()).filter(published_at__gte=start, published_at__lt=end))
    return render(
        request,
        "articles/month.html",
        {
            "month": start,
            "page_obj": page,
            "alternate_urls": same_page_in_every_language(request),
        },
    )


@public_page(query=["replytocom"])
def article_detail(request, section_slug, slug):
    language = get_language()
    published = Article.objects.published().select_related("section")
    article = published.by_slug(slug, language).first()
    if article is None:
        return find_elsewhere(request, published, language, slug)
    if not article.is_available_in(language):
        return article_unavailable(request, article)
    if article.section.slug_in(language) != section_slug:
        return redirect(article.get_absolute_url(language), permanent=True)
    return render_article(request, article, language)


def find_elsewhere(request, published, language, slug):
    """
    An article not found under ``slug`` in this language: it may be known by
    a former slug, or by its slug in another language.
    """
    # A former slug may belong to a translation since removed: that article
    # then answers like any other lacking this language.
    article = published.by_former_slug(slug, language).first()
    if article is None:
        article = published.by_slug_in_any_language(slug).first()
    if article is None:
        raise Http404
    if article.is_available_in(language):
        return redirect(article.get_absolute_url(language), permanent=True)
    return article_unavailable(request, article)


def article_unavailable(request, article, *, preview=False, url_in=None):
    """404 for an article not written in this language, pointing to the languages it has."""
    url_in = url_in or (article.get_preview_url if preview else article.get_absolute_url)
    translations = [(code, url_in(code)) for code in article.available_languages()]
    return render(request, "articles/unavailable.html", {"article": article, "translations": translations}, status=404)


def build_article_context(article, language, *, preview=False, url_in=None) -> dict:
    """
    Everything the article template shows, in a fixed number of queries (one
    more for an article with correction notes). ``url_in(language)`` gives the
    addresses of its translations: a preview's translations are previews too,
    a draft having no public address yet.
    """
    prefetch_related_objects([article], "tags", Prefetch("bylines", queryset=Byline.objects.select_related("author")))
    url_in = url_in or (article.get_preview_url if preview else article.get_absolute_url)
    translations = [(code, url_in(code)) for code in article.available_languages() if code != language]
    # The notes written in this language; corrected_at tells, without a query, whether there are any.
    corrections = [note for note in article.corrections.all() if note.text] if article.corrected_at else []
    return {
        "article": article,
        "current_section": article.section,
        "tags": [tag for tag in article.tags.all() if tag.is_available_in(language)],
        # Read only when the page renders them, not when it uses a kept copy (pagecache.fragments).
        "related_articles": SimpleLazyObject(lambda: article.related(language)),
        "translations": translations,
        "alternate_urls": {} if preview else dict(translations, **{language: article.get_absolute_url(language)}),
        "preview": preview,
        "corrections": corrections,
    }


def render_article(request, article, language, *, preview=False, url_in=None, extra_context=None):
    """The article page; ``extra_context`` lets another app add to it (the comments' bound form)."""
    context = build_article_context(article, language, preview=preview, url_in=url_in) | (extra_context or {})
    return render(request, "articles/article.html", context)


@staff_member_required
@permission_required("articles.view_article", raise_exception=True)
def article_preview(request, pk):
    """
    Editors see drafts and scheduled articles exactly as readers will. Being
    staff is not enough: a moderator, staff without article permissions, gets 403.
    """
    article = get_object_or_404(Article.objects.select_related("section"), pk=pk)
    if not workflow.may_open(request.user, article):
        raise PermissionDenied
    language = get_language()
    if not article.is_available_in(language):
        return article_unavailable(request, article, preview=True)
    return render_article(request, article, language, preview=True)


def shared_preview(request, token):
    """
    A draft opened from a signed link (articles.workflow), without signing in:
    the real page, marked as a preview, kept by no cache and indexed by no
    search engine. An altered, expired or revoked link is a plain 404.
    """
    article = workflow.article_from_preview_token(token)
    if article is None:
        raise Http404
    language = get_language()

    def url_in(code):
        return workflow.shared_preview_url(article, code)

    if article.is_available_in(language):
        response = render_article(request, article, language, preview=True, url_in=url_in)
    else:
        response = article_unavailable(request, article, url_in=url_in)
    response["Cache-Control"] = "private, no-store"
    response["X-Robots-Tag"] = "noindex"
    return response
