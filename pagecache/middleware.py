"""
The page cache: whole public pages for anonymous readers, kept in the
``pages`` cache (pagecache.store) and served without running their view.

Only views marked ``@public_page`` are cached. A request is served fresh, and
its page not stored, when it is not a GET or HEAD, when it carries a session
cookie (signed-in staff: the session is never opened here, so checking it adds
no ``Vary: Cookie``), or when the reader has comments awaiting moderation
(comments.cookies.reader_has_pending), which their page shows to them alone.
A response is stored only when it is a 200, 301 or 404 that sets no cookie
and does not vary on cookies. Every page it handles says ``X-Cache: hit``,
``miss`` (rendered, now stored) or ``bypass`` (rendered, not stored).
"""

import logging

from django.conf import settings
from django.db import DatabaseError
from django.http import HttpResponse

from comments.cookies import reader_has_pending

from . import store

logger = logging.getLogger(__name__)

CACHEABLE_STATUSES = {200, 301, 404}


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        # Set by process_view for public pages only: None, or where to store the page.
        if not hasattr(request, "_page_cache") or response.get("X-Cache") == "hit":
            return response
        response["X-Cache"] = "miss" if self.stored(request, response) else "bypass"
        return response

    def stored(self, request, response) -> bool:
        """Keeps the page when this request may; False when it was not kept."""
        if not (request._page_cache and request.method == "GET" and self.may_store(response)):
            return False
        url, generation = request._page_cache
        try:
            store.store(store.page_key(url), generation, self.kept_page(response))
        except (store.Unavailable, DatabaseError):
            # No cache server, or no database for the next publication time: not kept this time.
            return False
        return True

    def process_view(self, request, view_func, view_args, view_kwargs):
        policy = getattr(view_func, "public_page", None)
        if policy is None:
            return None
        request._page_cache = None
        if not self.may_use_cache(request):
            return None
        url = self.cache_url(request, policy)
        try:
            generation, cached = store.lookup(store.page_key(url))
        except store.Unavailable:
            return None
        if cached is not None:
            return self.page_from(cached)
        request._page_cache = (url, generation)
        return None

    def may_use_cache(self, request) -> bool:
        return (
            settings.PAGE_CACHE_SECONDS > 0
            and request.method in ("GET", "HEAD")
            and settings.SESSION_COOKIE_NAME not in request.COOKIES
            and not reader_has_pending(request)
        )

    @staticmethod
    def kept_page(response) -> tuple:
        """What is kept of a response: plain values, so every hit builds a response of its own."""
        return (response.status_code, list(response.items()), response.content)

    @staticmethod
    def page_from(kept: tuple) -> HttpResponse:
        status, headers, content = kept
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        response["X-Cache"] = "hit"
        return response

    @staticmethod
    def may_store(response) -> bool:
        if response.status_code not in CACHEABLE_STATUSES or response.streaming or response.cookies:
            return False
        if "cookie" in response.get("Vary", "").lower():
            logger.warning("A public page varies on cookies and cannot be cached: %s", response)
            return False
        return True

    @staticmethod
    def cache_url(request, policy) -> str:
        """The page's identity: scheme, host, path and only the query parameters the view reads."""
        query = "&".join(f"{name}={request.GET.get(name)}" for name in policy.query if name in request.GET)
        return f"{request.scheme}://{request.get_host()}{request.path}?{query}"
