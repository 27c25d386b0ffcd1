"""Factories and a poster for the comments tests: real rows, real requests."""
import datetime
import itertools
import time

from django.contrib.auth.models import Group
from django.urls import reverse
from django.utils import timezone, translation

from comments.forms import sign_timestamp
from comments.models import Comment

_numbers = itertools.count(1)


def make_comment(article, status=Comment.Status.APPROVED, parent=None, **fields) -> Comment:
    """A comment written an hour ago (so flood control leaves new posts alone), approved unless told otherwise."""
    n = next(_numbers)
    values = {
        "name": f"Reader {n}",
        "email": f"reader{n}@example.org",
        "text": f"A considered remark, number {n}.",
        "status": status,
        "ip_address": "192.0.2.10",
        "created_at": timezone.now() - datetime.timedelta(hours=1),
    }
    return Comment.objects.create(article=article, parent=parent, **(values | fields))


def comment_form_data(article, seconds_ago=10, **overrides) -> dict:
    """What a reader's browser sends, the form having been served ``seconds_ago``."""
    n = next(_numbers)
    data = {
        "text": f"I read this twice; point {n} deserves a follow-up.",
        "name": f"Commenter {n}",
        "email": f"commenter{n}@example.net",
        "website": "",
        "homepage": "",
        "parent": "",
        "timestamp": sign_timestamp(article, at=time.time() - seconds_ago),
    }
    return data | overrides


def post_url(article, language="en") -> str:
    with translation.override(language):
        return reverse("comments:post", args=[article.pk])


def post_comment(client, article, language="en", seconds_ago=10, headers=None, remote_addr="127.0.0.1", **overrides):
    """Posts the comment form as a browser would; ``overrides`` replace form fields."""
    data = comment_form_data(article, seconds_ago=seconds_ago, **overrides)
    return client.post(post_url(article, language), data, headers=headers or {}, REMOTE_ADDR=remote_addr)


def moderators_group() -> Group:
    """The Moderators group its data migration made."""
    return Group.objects.get(name="Moderators")
