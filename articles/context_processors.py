from django.utils.functional import SimpleLazyObject
from django.utils.translation import get_language

from .models import Section


def navigation(request):
    """The sections shown in the site header, in the page's language."""
    if getattr(request.resolver_match, "app_name", None) == "admin":
        return {}  # the admin has its own navigation
    language = get_language()
    # Read only when the page renders its navigation, not when a kept copy of it is used.
    sections = SimpleLazyObject(
        lambda: [section for section in Section.objects.all() if section.is_available_in(language)]
    )
    return {"navigation_sections": sections}
