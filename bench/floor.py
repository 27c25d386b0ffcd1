"""
The benchmark's floor: the article page rendered by a plain view from objects
loaded once into memory, so a request costs template rendering and Django's
request handling but no database. The real pages are measured against it.

The floor template only swaps the comments tag, which queries, for the same
comments template fed from the snapshot; listing counts come from the snapshot too.
"""

from django.http import HttpResponse
from django.template import Context
from django.template.loader import get_template
from django.utils.translation import get_language

from articles.models import Article, Section
from articles.views import build_article_context
from comments.models import Comment
from comments.templatetags.comments import comment_section

_snapshots: dict[tuple, dict] = {}


def demo_article_path() -> str:
    """The address of the newest public article written in both English and Armenian."""
    article = Article.objects.published().available_in("en").available_in("hy").select_related("section").first()
    return article.get_absolute_url("en")


def snapshot(request, language: str, slug: str) -> dict:
    """The article page's whole context, every query already run."""
    article = Article.objects.published().select_related("section").get(**{f"slug_{language}": slug})
    context = build_article_context(article, language)
    context["related_articles"] = list(context["related_articles"])
    context["navigation_sections"] = [s for s in Section.objects.all() if s.is_available_in(language)]
    context |= comment_section(Context({"request": request}), article)
    listed = [article, *context["related_articles"]]
    counts = {listed_article.pk: 0 for listed_article in listed}
    for comment in Comment.objects.public().filter(article__in=listed):
        counts[comment.article_id] += 1
    context["comment_counts"] = counts
    return context


def floor_article(request, section_slug, slug):
    language = get_language()
    key = (language, slug)
    if key not in _snapshots:
        _snapshots[key] = snapshot(request, language, slug)
    values = _snapshots[key]
    context = Context({**values, "request": request})
    context._comment_counts = values["comment_counts"]
    return HttpResponse(get_template("bench/floor_article.html").template.render(context))
