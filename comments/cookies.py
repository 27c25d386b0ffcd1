"""
The two cookies that carry what is personal about a commenter.

The article page is meant to be served from a shared cache (docs/design.md,
"Caching"), so its HTML holds nothing about the reader; these cookies carry
what does, and neither is ever rendered into cacheable HTML:

- PENDING_COOKIE (signed, HttpOnly): ids of the reader's own comments still
  awaiting moderation. A page request carrying it must be rendered fresh, not
  served from the cache; the page cache asks ``reader_has_pending(request)``.
- COMMENTER_COOKIE (plain, readable by JavaScript): name, email and website,
  set only when the reader ticks "Save my name, email, and website…", deleted
  when they post without ticking it. static/comments/comments.js fills the form
  from it in the browser, so the prefill never enters the server's HTML.
"""

import json
from urllib.parse import quote

from django.core.signing import BadSignature
from django.http import HttpRequest, HttpResponse

PENDING_COOKIE = "comments_pending"
PENDING_COOKIE_SALT = "comments.pending"
PENDING_COOKIE_MAX_AGE = 14 * 24 * 3600
PENDING_COOKIE_MAX_IDS = 20
COMMENTER_COOKIE = "comment_author"
COMMENTER_COOKIE_MAX_AGE = 365 * 24 * 3600


def reader_pending_ids(request: HttpRequest) -> list[int]:
    """Ids of comments this reader posted that may still await moderation (from the signed cookie)."""
    try:
        value = request.get_signed_cookie(PENDING_COOKIE, salt=PENDING_COOKIE_SALT, max_age=PENDING_COOKIE_MAX_AGE)
    except (KeyError, BadSignature):
        return []
    return [int(part) for part in value.split(".") if part.isdigit()]


def reader_has_pending(request: HttpRequest) -> bool:
    """
    True when this request must not be answered from (nor stored in) the
    shared page cache: the reader has comments of their own awaiting moderation.
    """
    return bool(reader_pending_ids(request))


def remember_pending(response: HttpResponse, request: HttpRequest, comment) -> None:
    ids = [*reader_pending_ids(request), comment.pk][-PENDING_COOKIE_MAX_IDS:]
    response.set_signed_cookie(
        PENDING_COOKIE,
        ".".join(map(str, ids)),
        salt=PENDING_COOKIE_SALT,
        max_age=PENDING_COOKIE_MAX_AGE,
        httponly=True,
        samesite="Lax",
        secure=request.is_secure(),
    )


def remember_commenter(response: HttpResponse, request: HttpRequest, cleaned: dict) -> None:
    if not cleaned.get("remember"):
        response.delete_cookie(COMMENTER_COOKIE, samesite="Lax")
        return
    details = {key: cleaned.get(key) or "" for key in ("name", "email", "website")}
    response.set_cookie(
        COMMENTER_COOKIE,
        # Every character but letters and digits percent-encoded: a "/" left bare
        # (every website has one) makes Django wrap the value in double quotes,
        # which the page's script (decodeURIComponent, JSON.parse) cannot read.
        quote(json.dumps(details), safe=""),
        max_age=COMMENTER_COOKIE_MAX_AGE,
        samesite="Lax",
        secure=request.is_secure(),
    )
