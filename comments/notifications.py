"""Email to moderators about comments waiting for them."""

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mass_mail
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from .models import Comment

MODERATORS_GROUP = "Moderators"

logger = logging.getLogger(__name__)


def moderator_emails() -> list[str]:
    """Active members of the Moderators group and superusers who have an email address."""
    users = get_user_model().objects.filter(Q(groups__name=MODERATORS_GROUP) | Q(is_superuser=True), is_active=True)
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def admin_url(name: str, *args, query: str = "") -> str:
    return f"{settings.SITE_URL.rstrip('/')}{reverse(name, args=args)}{query}"


def notify_moderators(comment: Comment) -> None:
    """
    One email per moderator about a new pending comment, with links into the
    admin. A mail server that fails must not lose the comment, so failures
    are logged, not raised.
    """
    recipients = moderator_emails()
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "comment": comment,
            "article_title": str(comment.article),
            "change_url": admin_url("admin:comments_comment_change", comment.pk),
            "queue_url": admin_url("admin:comments_comment_changelist", query="?status__exact=pending"),
        }
        subject = " ".join(render_to_string("comments/email/moderate_subject.txt", context).split())
        body = render_to_string("comments/email/moderate_body.txt", context)
    messages = [(subject, body, settings.DEFAULT_FROM_EMAIL, [address]) for address in recipients]
    try:
        send_mass_mail(messages, fail_silently=False)
    except Exception:
        logger.exception("Could not email moderators about comment %s", comment.pk)
