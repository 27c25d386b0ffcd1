"""
The rules that decide where a new comment goes, and whether an article takes
comments at all. Each number is a setting (newsroom/settings.py, "Comments").

A new comment is, in this order of precedence:
  - spam, when it was submitted less than COMMENTS_MIN_SECONDS after the form
    was served (held as spam-suspect: stored, visible to its author as awaiting
    moderation, never dropped) or contains a blocked word;
  - pending, when it holds more than COMMENTS_MAX_LINKS links, whatever
    auto-approval says;
  - approved, when COMMENTS_AUTO_APPROVE is on and its email already has an
    approved comment;
  - pending otherwise.
"""

import re

from django.conf import settings
from django.utils import timezone

from articles.models import Article

from .models import BlockedWord, Comment

# What a reader's browser would make clickable, and what Urlizer linkifies.
LINK = re.compile(r"(?:https?://|www\.)", re.IGNORECASE)


def comments_open(article: Article, now=None) -> bool:
    """Open unless closed on the article, or older than COMMENTS_CLOSE_AFTER_DAYS when that is set."""
    if not article.allow_comments:
        return False
    days = settings.COMMENTS_CLOSE_AFTER_DAYS
    if days and article.published_at < (now or timezone.now()) - timezone.timedelta(days=days):
        return False
    return True


def count_links(text: str) -> int:
    return len(LINK.findall(text))


def contains_blocked_word(comment: Comment) -> bool:
    haystack = "\n".join(
        [comment.name, comment.email, comment.website, comment.text, comment.ip_address or "", comment.user_agent]
    ).lower()
    return any(word in haystack for word in BlockedWord.objects.values_list("word", flat=True))


def has_approved_comment(email: str) -> bool:
    return Comment.objects.public().by_email(email).exists()


def moderate(comment: Comment, seconds_taken: float) -> None:
    """Sets the new ``comment``'s status and hold reason by the rules above; does not save."""
    if seconds_taken < settings.COMMENTS_MIN_SECONDS:
        comment.status, comment.hold_reason = Comment.Status.SPAM, Comment.HoldReason.TOO_FAST
    elif contains_blocked_word(comment):
        comment.status, comment.hold_reason = Comment.Status.SPAM, Comment.HoldReason.BLOCKLIST
    elif count_links(comment.text) > settings.COMMENTS_MAX_LINKS:
        comment.status, comment.hold_reason = Comment.Status.PENDING, Comment.HoldReason.LINKS
    elif settings.COMMENTS_AUTO_APPROVE and has_approved_comment(comment.email):
        comment.approve(by=None)
    else:
        comment.status = Comment.Status.PENDING


def is_flooding(ip_address: str | None, email: str, now=None) -> bool:
    """True when this address or this email posted within the last COMMENTS_FLOOD_SECONDS."""
    since = (now or timezone.now()) - timezone.timedelta(seconds=settings.COMMENTS_FLOOD_SECONDS)
    recent = Comment.objects.filter(created_at__gte=since)
    by_email = recent.by_email(email)
    if ip_address:
        return by_email.exists() or recent.filter(ip_address=ip_address).exists()
    return by_email.exists()
