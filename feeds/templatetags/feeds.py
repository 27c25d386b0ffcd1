"""``{% feed_links %}``: the ``<link rel="alternate">`` elements that name a page's feeds in its ``<head>``."""

from django import template
from django.utils.html import format_html_join
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from articles.models import Article, Author, Section, Tag

from ..feeds import feeds_for

register = template.Library()


@register.simple_tag(takes_context=True)
def feed_links(context) -> SafeString:
    """
    The site's feed in the page's language on every page; on a section, tag
    or author page its feed too, and on a public article page its comments
    feed. Reads the view's own context variables by name (``section``,
    ``tag``, ``author``, ``article``), rows the page has already loaded, so
    no query is made.
    """
    language = get_language()
    subjects = [
        subject
        for name, model in (("section", Section), ("tag", Tag), ("author", Author))
        if isinstance(subject := context.get(name), model)
    ]
    article = context.get("article")
    # Not on a preview, nor on the page saying an article lacks this language: neither has comments to follow.
    if (
        isinstance(article, Article)
        and not context.get("preview")
        and article.is_public
        and article.is_available_in(language)
    ):
        subjects.append(article)
    request = context.get("request")
    absolute = request.build_absolute_uri if request else str
    return format_html_join(
        "\n",
        '<link rel="alternate" type="application/rss+xml" title="{}" href="{}">',
        ((title, absolute(url)) for title, url in feeds_for(subjects, language)),
    )
