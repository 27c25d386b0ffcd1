"""
Outgoing mail leaves the request: messages are queued as tasks (django-tasks,
the database backend by default) and sent by the worker, ``manage.py
db_worker``. A request that queues mail takes the same time whether the mail
server is up, slow or down, and the queued row commits with the change that
caused it (a comment, a submission), so neither exists without the other.

A message that cannot be sent is queued again with a growing delay; after the
last attempt the task fails and stays in the database, where the admin's task
results show it. Every failure is logged: nothing is lost silently.
"""

import logging
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMessage
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# Seconds to wait before each further attempt: a minute, five, half an hour, two hours, six.
RETRY_DELAYS = (60, 300, 1800, 7200, 21600)


def absolute_url(path: str) -> str:
    """``path`` on this site (SITE_URL), for links in emails, which are sent outside any request."""
    return f"{settings.SITE_URL.rstrip('/')}{path}"


def send_later(subject: str, body: str, recipients: list[str]) -> None:
    """Queue one plain-text message per recipient (so one bad address delays nobody else)."""
    for recipient in recipients:
        deliver.enqueue(subject, body, recipient)


@task()
def deliver(subject: str, body: str, recipient: str, attempt: int = 1) -> bool:
    try:
        EmailMessage(subject, body, settings.DEFAULT_FROM_EMAIL, [recipient]).send(fail_silently=False)
    except Exception as error:  # SMTP, socket and TLS errors alike: the mail server is the problem
        if attempt > len(RETRY_DELAYS):
            logger.error("Mail to %s not sent after %d attempts, giving up: %s", recipient, attempt, error)
            raise
        delay = RETRY_DELAYS[attempt - 1]
        logger.warning("Mail to %s not sent (attempt %d), trying again in %d s: %s", recipient, attempt, delay, error)
        deliver.using(run_after=timezone.now() + timedelta(seconds=delay)).enqueue(
            subject, body, recipient, attempt + 1
        )
        return False
    return True
