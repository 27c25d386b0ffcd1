"""
The editorial workflow: who may do what to an article, and its moves between
states, each recorded with who and when and announced to whoever waits for it.

    draft ──→ in review ──→ published ──→ unpublished
      ↑           │      (scheduled while its date is to come,
      └───────────┘       expired once its expiry date passes)

Roles are permissions, not group names, so a site may make its own groups:

- ``articles.publish_article`` makes an **editor**: they publish, schedule,
  unpublish and open everyone's work (the Editors group);
- anyone else with ``articles.change_article`` is an **author**: they open
  only the articles they wrote (created, or are credited on through their
  author profile), edit them while they are not published, and move them
  between draft and review (the Authors group).

Every admin path (list, form, actions, history, previews) asks the functions
below; none repeats their rules. The moves themselves are ``move()``: the
admin's form, its actions and any script call it, never ``status =`` alone.
"""

import datetime

from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.signing import BadSignature, TimestampSigner
from django.urls import reverse
from django.utils import timezone, translation

from . import notifications
from .models import Article, StateChange, new_preview_key

Status = Article.Status


def is_editor(user) -> bool:
    return user.is_active and user.has_perm("articles.publish_article")


def articles_open_to(user):
    """The articles ``user`` may open in the admin: all for editors, their own for authors."""
    if is_editor(user):
        return Article.objects.all()
    return Article.objects.written_by(user)


def is_written_by(user, article: Article) -> bool:
    if article.created_by_id is not None and article.created_by_id == user.pk:
        return True
    return article.pk is not None and Article.objects.written_by(user).filter(pk=article.pk).exists()


def may_open(user, article: Article) -> bool:
    """Read it in the admin or the staff preview."""
    return user.has_perm("articles.view_article") and (is_editor(user) or is_written_by(user, article))


def may_edit(user, article: Article) -> bool:
    """
    Change its text and placement. An author's published article is the
    editors' from then on: its live text changes only through them.
    """
    if not user.has_perm("articles.change_article"):
        return False
    if is_editor(user):
        return True
    return article.status != Status.PUBLISHED and is_written_by(user, article)


def may_move(user, article: Article, to: str) -> bool:
    """Move it from its stored state to ``to`` (staying put is no move)."""
    if to == article.status:
        return True
    # Moves that decide what readers see are the editors'.
    if to in (Status.PUBLISHED, Status.UNPUBLISHED) or article.status == Status.PUBLISHED:
        return is_editor(user)
    return may_edit(user, article)


def states_open_to(user, article: Article) -> list[str]:
    """The states ``user`` may choose for ``article`` (its present one included), in workflow order."""
    return [state for state in Status.values if may_move(user, article, state)]


def move(article: Article, to: str, *, by, now: datetime.datetime | None = None) -> StateChange | None:
    """
    Moves ``article`` to the state ``to`` and saves it, recording who did and
    when, and queueing the emails that announce it (notifications.announce),
    all in the caller's transaction. Returns the recorded change, or None when
    the article was already there.

    Raises PermissionDenied when ``by`` may not make this move, and
    ValidationError when the article cannot be published as it is (the same
    checks as the form: a complete language, alt text for its image).

    An article published from review, where its author could not set a date,
    is dated now unless an editor scheduled it for later.
    """
    if to not in Status.values:
        raise ValidationError(f"Unknown state {to!r}")
    previous = article.status
    if to == previous:
        return None
    if not may_move(by, article, to):
        raise PermissionDenied
    now = now or timezone.now()
    article.status = to
    article.updated_by = by
    if to == Status.PUBLISHED:
        if previous == Status.IN_REVIEW and article.published_at < now:
            article.published_at = now
        try:
            article.full_clean()
        except ValidationError:
            article.status = previous
            raise
    article.save()
    change = StateChange.objects.create(
        article=article, from_status=previous, to_status=to, changed_by=by, created_at=now
    )
    notifications.announce(change)
    return change


# Shareable previews: a link that opens a draft without signing in, for a
# limited time (PREVIEW_LINK_HOURS). It signs the article's id and its
# preview key; renewing the key revokes every link made before.


def preview_link_signer() -> TimestampSigner:
    # Made when a link is, not at import: management commands run without SECRET_KEY.
    return TimestampSigner(salt="articles.shared-preview")


def preview_link_lifetime() -> datetime.timedelta:
    return datetime.timedelta(hours=settings.PREVIEW_LINK_HOURS)


def shared_preview_url(article: Article, language: str) -> str:
    token = preview_link_signer().sign(f"{article.pk}.{article.preview_key}")
    with translation.override(language):
        return reverse("articles:shared_preview", kwargs={"token": token})


def article_from_preview_token(token: str) -> Article | None:
    """The article a link was made for, or None if the link is altered, expired or revoked."""
    try:
        value = preview_link_signer().unsign(token, max_age=preview_link_lifetime())
    except BadSignature:  # SignatureExpired included
        return None
    pk, _dot, key = value.partition(".")
    if not pk.isdigit():
        return None
    return Article.objects.select_related("section").filter(pk=int(pk), preview_key=key).first()


def renew_preview_key(article: Article) -> None:
    """Every shareable preview link made so far stops working. Not a save: no one's form goes stale."""
    article.preview_key = new_preview_key()
    Article.objects.filter(pk=article.pk).update(preview_key=article.preview_key)
