"""The editors' review queue on the admin index (templates/admin/index.html)."""

from django import template
from django.urls import reverse

from articles import workflow
from articles.models import Article

register = template.Library()


@register.simple_tag(takes_context=True)
def review_queue(context) -> dict | None:
    """How many articles wait for review, for editors only (None for anyone else): one query."""
    request = context.get("request")
    if request is None or not workflow.is_editor(request.user):
        return None
    return {
        "count": Article.objects.in_review().count(),
        "url": reverse("admin:articles_article_changelist") + "?state=in_review",
    }
