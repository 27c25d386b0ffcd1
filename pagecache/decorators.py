"""How a view says that its pages may be kept in the page cache."""

from collections.abc import Callable, Iterable
from dataclasses import dataclass


@dataclass(frozen=True)
class PublicPage:
    """
    The page cache's instructions for one view: which query parameters change
    the page (others, such as ``utm_source``, are left out of the cache key, so
    they neither split nor bust the cache).
    """

    query: tuple[str, ...] = ()


def public_page(view: Callable | None = None, *, query: Iterable[str] = ()):
    """
    Marks a view whose pages are the same for every anonymous reader, so the
    page cache (pagecache.middleware) may serve them: ``@public_page`` or
    ``@public_page(query=["page"])``.
    """

    def mark(view: Callable) -> Callable:
        view.public_page = PublicPage(tuple(query))
        return view

    return mark(view) if view is not None else mark
