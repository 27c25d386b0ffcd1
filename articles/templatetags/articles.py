"""Template tags for the reading site: the language switch and its hreflang links."""

from django import template
from django.conf import settings
from django.urls import reverse
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString
from django.utils.timezone import template_localtime
from django.utils.translation import get_language, get_language_info, override
from django.utils.translation import gettext_lazy as _

register = template.Library()

# One full sentence per language, so each translation can inflect the
# language's name as its grammar needs.
VIEW_IN_LANGUAGE = {
    "en": _("Click to view the article in English"),
    "hy": _("Click to view the article in Armenian"),
    "ru": _("Click to view the article in Russian"),
}


@register.simple_tag
def view_in_language(code: str) -> str:
    """“Click to view the article in Armenian”, in the page's language."""
    if code in VIEW_IN_LANGUAGE:
        return VIEW_IN_LANGUAGE[code]
    return _("Click to view the article in %(language)s") % {"language": get_language_info(code)["name_translated"]}


def home_in(language: str) -> str:
    with override(language):
        return reverse("articles:home")


@register.inclusion_tag("includes/language_switch.html", takes_context=True)
def language_switch(context):
    """Links to this page in every other language, or to that language's home page."""
    alternates = context.get("alternate_urls") or {}
    current = get_language()
    return {
        "cookie_name": settings.LANGUAGE_COOKIE_NAME,
        "languages": [
            {
                "code": code,
                "name": get_language_info(code)["name_local"],
                "url": alternates.get(code) or home_in(code),
                "current": code == current,
            }
            for code, _name in settings.LANGUAGES
        ],
    }


@register.inclusion_tag("includes/hreflang.html", takes_context=True)
def hreflang_links(context):
    alternates = context.get("alternate_urls") or {}
    request = context.get("request")
    absolute = request.build_absolute_uri if request else (lambda url: url)
    links = [(code, absolute(url)) for code, url in alternates.items()]
    default = alternates.get(settings.LANGUAGE_CODE) or next(iter(alternates.values()), None)
    return {"links": links, "x_default": absolute(default) if default else None}


@register.filter
def dateline(moment) -> SafeString:
    """``<time datetime="…">05 / 10 / 2022</time>``: dates read the same in every language."""
    local = template_localtime(moment)
    # Whole seconds: HTML's datetime allows at most three decimals, Python writes six.
    return format_html(
        '<time datetime="{}">{}</time>', local.isoformat(timespec="seconds"), local.strftime("%d / %m / %Y")
    )


@register.simple_tag
def byline(article) -> SafeString:
    """“By Anna Petrosyan, Gor Ohanjanyan”, each linked to their page where it has one in this language."""
    names = [
        format_html('<a href="{}" rel="author">{}</a>', author.get_absolute_url(), author.name)
        if author.slug
        else (author.name or author.name_en)
        for author in (line.author for line in article.bylines.all())
    ]
    if not names:
        return ""
    return format_html(
        '<span class="byline">{} {}</span>', _("By"), format_html_join(", ", "{}", ((n,) for n in names))
    )
