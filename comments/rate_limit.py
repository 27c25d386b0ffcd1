"""
How many comments one address may post in an hour (COMMENTS_PER_HOUR), on top
of the flood rule's one per COMMENTS_FLOOD_SECONDS (moderation.is_flooding).

The count lives in the "default" cache, which is Redis when REDIS_URL is set,
so every app server counts against the same number: Redis's INCR is atomic,
and two servers taking the last slot at once cannot both have it. Windows are
fixed clock hours (simple and exact to count across servers; a script may fit
two hours' allowance around the turn of an hour, and no more).

An IPv6 client is counted by its /64 network, which one subscriber usually
holds whole, so that walking through its addresses gains nothing.

When the cache cannot answer (Redis down; the "default" cache ignores its
errors), nothing is counted and posts are let through: the site keeps taking
comments, and the flood rule, which lives in the database, still holds.
"""

import ipaddress
import time

from django.conf import settings
from django.core.cache import cache

WINDOW_SECONDS = 3600
KEY_PREFIX = "comments:per-hour"


def counted_address(ip_address: str) -> str:
    """The address whose posts are counted together: itself for IPv4, its /64 network for IPv6."""
    address = ipaddress.ip_address(ip_address)
    if address.version == 6:
        return str(ipaddress.ip_network(f"{address}/64", strict=False))
    return str(address)


def take_comment_slot(ip_address: str | None, now: float | None = None) -> bool:
    """
    Counts one comment for ``ip_address`` in this hour; False when that goes
    past COMMENTS_PER_HOUR (0 turns the limit off). A post without a usable
    address is not counted.
    """
    limit = settings.COMMENTS_PER_HOUR
    if not limit or not ip_address:
        return True
    window = int((time.time() if now is None else now) // WINDOW_SECONDS)
    key = f"{KEY_PREFIX}:{counted_address(ip_address)}:{window}"
    # add() is a no-op when the key exists; the key outlives its hour a little, never less.
    cache.add(key, 0, timeout=WINDOW_SECONDS + 60)
    try:
        count = cache.incr(key)
    except ValueError:
        # Evicted between add() and incr(): this post opens the count again.
        cache.add(key, 1, timeout=WINDOW_SECONDS + 60)
        count = 1
    # None: the cache server is down and ignored its errors.
    return count is None or count <= limit


def seconds_until_next_window(now: float | None = None) -> int:
    """For Retry-After: when the current hour's count ends."""
    now = time.time() if now is None else now
    return int(WINDOW_SECONDS - now % WINDOW_SECONDS) + 1
