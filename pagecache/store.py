"""
Where cached pages live, and when they stop being fresh.

Pages are kept in the ``pages`` cache (local memory, or Redis with REDIS_URL,
shared by every app server). Each entry records the *generation* it was made
in; any change a reader could see (pagecache.invalidation) starts a new
generation, which makes every older entry stale at once, on every server,
without finding and deleting keys. An entry is also never kept past the next
scheduled publication, so a cached list cannot outlive the moment a scheduled
article appears.

The cache server may go away. Then pages are served uncached: the outage is
logged once, the cache is not tried again for PAGE_CACHE_RETRY_SECONDS, and when it
answers again a new generation begins, because changes made meanwhile could
not be recorded.
"""

import hashlib
import logging
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

logger = logging.getLogger(__name__)

GENERATION_KEY = "generation"
NEXT_CHANGE_KEY = "next-change"


class Unavailable(Exception):
    """The cache server did not answer; serve uncached."""


class _Health:
    """This process's view of the cache server: answering, or down until a retry time."""

    def __init__(self):
        self.lock = threading.Lock()
        self.down_since = None
        self.retry_at = 0.0

    def usable(self) -> bool:
        return self.down_since is None or time.monotonic() >= self.retry_at

    def failed(self, error: Exception) -> None:
        with self.lock:
            if self.down_since is None:
                logger.warning("Page cache unavailable, serving pages uncached: %s", error)
                self.down_since = time.monotonic()
            self.retry_at = time.monotonic() + settings.PAGE_CACHE_RETRY_SECONDS

    def answered(self) -> bool:
        """Records a success; True when it ends an outage."""
        if self.down_since is None:
            return False
        with self.lock:
            if self.down_since is None:
                return False
            logger.warning("Page cache available again after %.0f s", time.monotonic() - self.down_since)
            self.down_since = None
            return True


health = _Health()


def _cache():
    return caches["pages"]


def _call(operation, *args, **kwargs):
    if not health.usable():
        raise Unavailable
    try:
        result = operation(*args, **kwargs)
    except Exception as error:  # any client error (connection, timeout, protocol) means the same here
        health.failed(error)
        raise Unavailable from error
    if health.answered():
        # Changes made during the outage could not start a new generation, so
        # whatever was just read may be stale: start one, and serve this request fresh.
        new_generation()
        raise Unavailable
    return result


def page_key(url: str) -> str:
    return "page:" + hashlib.sha256(url.encode()).hexdigest()


def fragment_key(name: str, *parts) -> str:
    return f"fragment:{name}:" + hashlib.sha256(repr(parts).encode()).hexdigest()


def new_generation() -> None:
    """Every page cached so far is stale from now on, on every app server."""
    try:
        _call(_cache().set, GENERATION_KEY, uuid.uuid4().hex, None)
    except Unavailable:
        pass  # the recovery starts a new generation anyway


def lookup(key: str) -> tuple[str, object]:
    """(generation, what is kept under ``key`` in this generation, or None), in one round trip."""
    found = _call(_cache().get_many, [GENERATION_KEY, key])
    generation = found.get(GENERATION_KEY)
    if generation is None:
        generation = uuid.uuid4().hex
        _call(_cache().add, GENERATION_KEY, generation, None)
        generation = _call(_cache().get, GENERATION_KEY) or generation
    entry = found.get(key)
    if entry and entry[0] == generation:
        return generation, entry[1]
    return generation, None


def store(key: str, generation: str, value) -> None:
    """Keep ``value`` (a page or a fragment) under ``key`` until it may be stale."""
    timeout = _seconds_until_next_change(generation)
    if timeout > 0:
        _call(_cache().set, key, (generation, value), timeout)


def _seconds_until_next_change(generation: str) -> int:
    """
    PAGE_CACHE_SECONDS, or less when a scheduled article appears sooner: one
    query per generation and horizon, shared by every page stored meanwhile.
    """
    from articles.models import Article

    limit = settings.PAGE_CACHE_SECONDS
    key = f"{NEXT_CHANGE_KEY}:{generation}"
    now = timezone.now()
    next_change = _call(_cache().get, key)
    if next_change is None or next_change <= now:
        horizon = now + timezone.timedelta(seconds=limit)
        upcoming = Article.objects.next_publication_time(now)
        next_change = min(upcoming, horizon) if upcoming else horizon
        _call(_cache().set, key, next_change, limit)
    return min(limit, int((next_change - now).total_seconds()))
