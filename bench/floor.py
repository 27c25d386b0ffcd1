"""
The benchmark's floor: the article page rendered by a plain view from objects
loaded once into memory, so a request costs template rendering and Django's
request handling but no database. The real pages are measured against it.
"""
from django.http import HttpResponse
from django.template import Context
from django.template.loader import get_template
from django.utils.translation import get_language

from articles.models import Article, Section
from articles.views import build_article_context

_snapshots: dict[tuple, dict] = {}


def demo_article_path() -> str:
    """The address of the newest public English article with the most Armenian company."""
    article = Article.objects.published().available_in("en").available_in("hy").select_related("section").first()
    return article.get_absolute_url("en")


def snapshot(language: str, section_slug: str, slug: str) -> dict:
    """The article page's whole context, every query already run."""
    article = Article.objects.published().select_related("section").get(**{f"slug_{language}": slug})
    context = build_article_context(article, language)
    context["related_articles"] = list(context["related_articles"])
    context["navigation_sections"] = [s for s in Section.objects.all() if s.is_available_in(language)]
    return context


def floor_article(request, section_slug, slug):
    language = get_language()
    key = (language, section_slug, slug)
    if key not in _snapshots:
        _snapshots[key] = snapshot(language, section_slug, slug)
    template = get_template("articles/article.html").template
    return HttpResponse(template.render(Context({**_snapshots[key], "request": request})))
