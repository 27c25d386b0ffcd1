"""
The site's identity and each page's head metadata, for templates. Every page
template calls the one tag for its kind of page in ``{% block meta %}`` with
the objects it shows; the tags read only ``request`` from the context.
"""

from django import template
from django.templatetags.static import static
from django.utils.safestring import SafeString
from django.utils.translation import get_language

from .. import head, identity

register = template.Library()


@register.simple_tag
def site_name() -> str:
    return identity.site_name()


@register.simple_tag
def site_tagline() -> str:
    return identity.site_tagline()


@register.simple_tag
def site_logo_url() -> str:
    return static(identity.site_logo())


@register.simple_tag
def home_title() -> str:
    """“Site name – Tagline”: the home page's title, and any page's that names none."""
    return head.home_title(get_language())


@register.simple_tag
def page_title(title: str, page_obj=None) -> str:
    """“Page title – Site name”, with “Page N” on a list's later pages."""
    number = page_obj.number if page_obj else 1
    return head.full_title(head.title_with_page(str(title), number), get_language())


def _render(context, build, *args, **kwargs) -> SafeString | str:
    request = context.get("request")
    if request is None:
        return ""
    return build(request, *args, **kwargs).html()


@register.simple_tag(takes_context=True)
def home_metadata(context):
    return _render(context, head.for_home, get_language())


@register.simple_tag(takes_context=True)
def listing_metadata(context, subject, page_obj):
    """A section's, tag's or author's page of articles."""
    return _render(context, head.for_listing, subject, page_obj.number, get_language())


@register.simple_tag(takes_context=True)
def month_metadata(context, month, page_obj):
    return _render(context, head.for_month, month, page_obj.number, get_language())


@register.simple_tag(takes_context=True)
def article_metadata(context, article, tags, preview=False):
    """``tags``: those the page shows; ``preview``: noindex, no canonical address."""
    return _render(context, head.for_article, article, tags, get_language(), preview=bool(preview))


@register.simple_tag(takes_context=True)
def page_metadata(context, title, description="", noindex=False, page_obj=None):
    """Any other page: search results, error pages (``noindex=True``)."""
    number = page_obj.number if page_obj else 1
    return _render(
        context, head.for_page, str(title), str(description), get_language(), noindex=bool(noindex), page_number=number
    )
