"""
Where cached pages live, and when they stop being fresh.

Pages are kept in the ``pages`` cache (local memory, or Redis with REDIS_URL,
shared by every app server). Each entry records the *generation* it was made
in; any change a reader could see (pagecache.invalidation) starts a new
generation, which makes every older entry stale at once, on every server,
without finding and deleting keys. An entry is also never kept past the next
scheduled publication or expiry, so a cached list cannot outlive the moment a
scheduled article appears or an expiring one goes.

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
from collections import OrderedDict

from django.conf import settings
from django.core.cache import caches
from django.utils import timezone

logger = logging.getLogger(__name__)

GENERATION_KEY = "generation"
# Entries each process keeps beside the shared cache (see _Recent): at most
# this many, so a few megabytes even for long pages.
RECENT_ENTRIES = 64
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


class _Recent:
    """
    The entries this process served last, kept beside the shared cache: a hit
    on one of them fetches only the generation (a few bytes) to know it is
    still fresh, instead of the whole page again (200 kB for a long thread).
    """

    def __init__(self, size: int):
        self.size, self.entries, self.lock = size, OrderedDict(), threading.Lock()

    def get(self, key: str, generation: str):
        with self.lock:
            entry = self.entries.get(key)
            if entry is None or entry[0] != generation or entry[1] <= time.time():
                return None
            self.entries.move_to_end(key)
            return entry[2]

    def keep(self, key: str, entry: tuple) -> None:
        with self.lock:
            self.entries[key] = entry
            self.entries.move_to_end(key)
            while len(self.entries) > self.size:
                self.entries.popitem(last=False)

    def clear(self) -> None:
        with self.lock:
            self.entries.clear()


recent = _Recent(RECENT_ENTRIES)


def current_generation() -> str:
    generation = _call(_cache().get, GENERATION_KEY)
    if generation is None:
        _call(_cache().add, GENERATION_KEY, uuid.uuid4().hex, None)
        generation = _call(_cache().get, GENERATION_KEY)
    return generation


def lookup(key: str) -> tuple[str, object]:
    """(generation, what is kept under ``key`` in this generation, or None)."""
    if key in recent.entries:
        generation = current_generation()
        value = recent.get(key, generation)
        if value is not None:
            return generation, value
        entry = _call(_cache().get, key)
    else:
        found = _call(_cache().get_many, [GENERATION_KEY, key])
        generation = found.get(GENERATION_KEY) or current_generation()
        entry = found.get(key)
    # An entry is (generation, expiry time, value).
    if entry and entry[0] == generation and entry[1] > time.time():
        recent.keep(key, entry)
        return generation, entry[2]
    return generation, None


def store(key: str, generation: str, value) -> None:
    """Keep ``value`` (a page or a fragment) under ``key`` until it may be stale."""
    timeout = _seconds_until_next_change(generation)
    if timeout > 0:
        entry = (generation, time.time() + timeout, value)
        _call(_cache().set, key, entry, timeout)
        recent.keep(key, entry)


def _seconds_until_next_change(generation: str) -> int:
    """
    PAGE_CACHE_SECONDS, or less when a scheduled article appears or a
    published one expires sooner: one
    query per generation and horizon, shared by every page stored meanwhile.
    """
    from articles.models import Article

    limit = settings.PAGE_CACHE_SECONDS
    key = f"{NEXT_CHANGE_KEY}:{generation}"
    now = timezone.now()
    next_change = _call(_cache().get, key)
    if next_change is None or next_change <= now:
        horizon = now + timezone.timedelta(seconds=limit)
        upcoming = Article.objects.next_visibility_change(now)
        next_change = min(upcoming, horizon) if upcoming else horizon
        _call(_cache().set, key, next_change, limit)
    return min(limit, int((next_change - now).total_seconds()))
