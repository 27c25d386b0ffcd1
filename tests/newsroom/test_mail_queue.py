"""
Mail leaves the request: posting a comment never talks to the mail server, and
the queued message reaches a real SMTP server (aiosmtpd on a free port) once
it answers, after failed attempts were logged and queued again.
"""

import datetime
import logging
import socket
import threading

import pytest
from aiosmtpd.controller import Controller
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from comments.models import Comment
from tests.factories import make_article, post_comment
from tests.servers import free_port

pytestmark = [pytest.mark.django_db, pytest.mark.slow]


class Inbox:
    """aiosmtpd's handler: keeps what it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):
        self.messages.append((envelope.rcpt_tos, envelope.content.decode("utf8", "replace")))
        return "250 Message accepted for delivery"


class SilentServer:
    """Accepts connections and never says a word: a mail server that hangs."""

    def __init__(self, port):
        self.sock = socket.create_server(("127.0.0.1", port))
        self.connections = []
        self.thread = threading.Thread(target=self.accept, daemon=True)
        self.thread.start()

    def accept(self):
        while True:
            try:
                connection, _ = self.sock.accept()
            except OSError:
                return
            self.connections.append(connection)

    def close(self):
        for connection in self.connections:
            connection.close()
        self.sock.close()


@pytest.fixture
def smtp_settings(settings):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", free_port()
    settings.EMAIL_USE_TLS = settings.EMAIL_USE_SSL = False
    settings.EMAIL_TIMEOUT = 1
    return settings


def make_due(results):
    DBTaskResult.objects.filter(pk__in=[r.pk for r in results]).update(run_after=timezone.now())


def test_posting_a_comment_does_not_touch_a_hanging_mail_server(client, moderator, smtp_settings):
    hanging = SilentServer(smtp_settings.EMAIL_PORT)
    try:
        response = post_comment(client, make_article())
    finally:
        hanging.close()

    assert response.status_code == 302
    assert Comment.objects.count() == 1
    assert hanging.connections == []
    assert DBTaskResult.objects.count() == 1  # the moderator's message, queued


def test_mail_queued_while_the_server_is_down_is_delivered_when_it_returns(
    client, moderator, smtp_settings, run_tasks, caplog
):
    post_comment(client, make_article(), text="Please read me soon.")

    with caplog.at_level(logging.WARNING, logger="newsroom.mail"):
        run_tasks()  # nothing listens on EMAIL_PORT: the attempt fails and is queued again
    assert "trying again" in caplog.text
    retry = DBTaskResult.objects.ready().first()
    assert retry is None  # not due yet
    waiting = list(DBTaskResult.objects.filter(status="READY"))
    assert len(waiting) == 1 and waiting[0].run_after > timezone.now() + datetime.timedelta(seconds=30)

    inbox = Inbox()
    controller = Controller(inbox, hostname="127.0.0.1", port=smtp_settings.EMAIL_PORT)
    controller.start()
    try:
        make_due(waiting)
        run_tasks()
    finally:
        controller.stop()

    assert len(inbox.messages) == 1
    recipients, content = inbox.messages[0]
    assert recipients == [moderator.email]
    assert "Please read me soon." in content


def test_mail_that_never_goes_through_fails_loudly_after_the_last_attempt(
    client, moderator, smtp_settings, run_tasks, caplog
):
    post_comment(client, make_article())

    with caplog.at_level(logging.WARNING, logger="newsroom.mail"):
        for _ in range(10):
            make_due(DBTaskResult.objects.filter(status="READY"))
            if not run_tasks():
                break

    failed = DBTaskResult.objects.filter(status="FAILED")
    assert failed.count() == 1
    assert "giving up" in caplog.text
    assert not DBTaskResult.objects.filter(status="READY").exists()
