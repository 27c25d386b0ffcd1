"""
Email about the workflow: editors learn that an article waits for review, and
its writers that an editor moved it (published, returned to draft,
unpublished). Queued through the mail task queue (newsroom.mail) in the same
transaction as the move, as comments' notifications are.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from newsroom.mail import absolute_url, send_later

from .models import Article, StateChange

EDITORS_GROUP = "Editors"


def active_emails(users, leave_out) -> list[str]:
    users = users.filter(is_active=True).exclude(email="")
    if leave_out is not None:
        users = users.exclude(pk=leave_out.pk)
    return sorted(set(users.values_list("email", flat=True)))


def editor_emails(leave_out=None) -> list[str]:
    """Active Editors and superusers with an email address, but not the one who acted."""
    users = get_user_model().objects.filter(Q(groups__name=EDITORS_GROUP) | Q(is_superuser=True))
    return active_emails(users, leave_out)


def writer_emails(article: Article, leave_out=None) -> list[str]:
    """Whoever created the article and the staff accounts of its bylined authors, but not the one who acted."""
    users = get_user_model().objects.filter(Q(pk=article.created_by_id) | Q(author_profile__bylines__article=article))
    return active_emails(users, leave_out)


def announce(change: StateChange) -> None:
    """Queue the emails a move calls for: to the editors for a review, to the writers for anything else."""
    article = change.article
    if change.to_status == Article.Status.IN_REVIEW:
        recipients, template = editor_emails(leave_out=change.changed_by), "review"
    else:
        recipients, template = writer_emails(article, leave_out=change.changed_by), "moved"
    if not recipients:
        return
    with translation.override(settings.LANGUAGE_CODE):
        context = {
            "article_title": str(article),
            "change": change,
            "by": (change.changed_by.get_full_name() or change.changed_by.get_username()) if change.changed_by else "",
            "change_url": absolute_url(reverse("admin:articles_article_change", args=[article.pk])),
            "queue_url": absolute_url(reverse("admin:articles_article_changelist") + "?state=in_review"),
        }
        subject = " ".join(render_to_string(f"articles/email/{template}_subject.txt", context).split())
        body = render_to_string(f"articles/email/{template}_body.txt", context)
    send_later(subject, body, recipients)
