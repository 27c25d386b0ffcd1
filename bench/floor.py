"""
The benchmark's floors, served by the same gunicorn and middleware as the site
and routed only in bench/urls.py.

The template floor: the article page rendered by a plain view from objects
loaded once into memory, so a request costs template rendering and Django's
request handling but no database. Uncached pages are measured against it. Its
template only swaps the comments tag, which queries, for the same comments
template fed from the snapshot; listing counts come from the snapshot too.

The handler floor: the saved bytes of the real article page, returned by a
view that does nothing else, so a request costs gunicorn, Django's handler and
the middleware alone. Cached pages are measured against it: a page cache
inside Django can at best come down to it.
"""

import os

from django.http import HttpResponse
from django.template import Context
from django.template.loader import get_template
from django.utils.translation import get_language

from articles.models import Article, Section
from articles.views import build_article_context
from comments.models import Comment
from comments.templatetags.comments import comment_section, thread_html

_snapshots: dict[tuple, dict] = {}
_saved_page: list[bytes] = []


def snapshot(request, language: str, slug: str) -> dict:
    """The article page's whole context, every query already run."""
    article = Article.objects.published().select_related("section").get(**{f"slug_{language}": slug})
    context = build_article_context(article, language)
    context["related_articles"] = list(context["related_articles"])
    context["navigation_sections"] = [s for s in Section.objects.all() if s.is_available_in(language)]
    context |= comment_section(Context({"request": request}), article)
    # The thread is rendered on every request, as the page does (comment_section's thread_html).
    context["thread_comments"] = list(Comment.objects.for_reader(article, language))
    listed = [article, *context["related_articles"]]
    counts = {listed_article.pk: 0 for listed_article in listed}
    for comment in Comment.objects.public().for_language(language).filter(article__in=listed):
        counts[comment.article_id] += 1
    context["comment_counts"] = counts
    return context


def floor_article(request, section_slug, slug):
    language = get_language()
    key = (language, slug)
    if key not in _snapshots:
        _snapshots[key] = snapshot(request, language, slug)
    values = _snapshots[key]
    thread = thread_html(values["thread_comments"], values["open"])
    context = Context({**values, "thread": thread, "request": request})
    return HttpResponse(get_template("bench/floor_article.html").template.render(context))


def floor_handler(request):
    """The article page's saved bytes (the file BENCH_SAVED_PAGE names), read once per worker."""
    if not _saved_page:
        with open(os.environ["BENCH_SAVED_PAGE"], "rb") as page:
            _saved_page.append(page.read())
    return HttpResponse(_saved_page[0])
