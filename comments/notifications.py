"""Email to moderators about comments waiting for them."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from newsroom.mail import absolute_url, send_later

from .models import Comment

MODERATORS_GROUP = "Moderators"


def moderator_emails() -> list[str]:
    """Active members of the Moderators group and superusers who have an email address."""
    users = get_user_model().objects.filter(Q(groups__name=MODERATORS_GROUP) | Q(is_superuser=True), is_active=True)
    return sorted(set(users.exclude(email="").values_list("email", flat=True)))


def admin_url(name: str, *args, query: str = "") -> str:
    return absolute_url(f"{reverse(name, args=args)}{query}")


def notify_moderators(comment: Comment) -> None:
    """
    Queue one email per moderator about a new pending comment, with links into
    the admin. Sent by the task worker (newsroom.mail), never in the request.
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
    send_later(subject, body, recipients)
