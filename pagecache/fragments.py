"""
Parts of a page kept apart from the page: what a request served fresh (staff,
a reader with a pending comment, a page never seen before) still shares with
everyone, such as an article's comment thread or its related posts. They are
kept in the same store and generation as whole pages (pagecache.store), so they
are fresh by exactly the same rules.
"""

from collections.abc import Callable

from django.conf import settings
from django.db import DatabaseError
from django.utils.safestring import SafeString, mark_safe

from . import store


def cached_fragment(name: str, *parts, render: Callable[[], str]) -> SafeString:
    """The HTML ``render()`` makes for ``name`` and ``parts``, kept while nothing it shows changes."""
    if settings.PAGE_CACHE_SECONDS <= 0:
        return mark_safe(render())  # nosec B308  # render() is a template's output, escaped by it
    key = store.fragment_key(name, *parts)
    try:
        generation, html = store.lookup(key)
    except store.Unavailable:
        return mark_safe(render())  # nosec B308  # render() is a template's output, escaped by it
    if html is None:
        html = render()
        try:
            store.store(key, generation, str(html))
        except (store.Unavailable, DatabaseError):
            pass
    return mark_safe(html)  # nosec B308  # what render() made, stored as text
