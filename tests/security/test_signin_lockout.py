"""
Admin sign-in through the real login form, with django-axes counting failures
in the database: a user name, or an address, is locked after AXES_FAILURE_LIMIT
failures, the lockout page says so in the reader's language, the address is
the one comments trust (TRUSTED_PROXIES), and the unlock commands lift it.
"""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command

from tests.factories import make_editor

pytestmark = pytest.mark.django_db

LOGIN = "/admin/login/?next=/admin/"
PASSWORD = "a-long-password"


def sign_in(client, username, password, remote_addr="203.0.113.7", **meta):
    """The admin's login form posted as a browser at ``remote_addr`` would; ``meta`` adds request headers."""
    return client.post(
        LOGIN, {"username": username, "password": password, "next": "/admin/"}, REMOTE_ADDR=remote_addr, **meta
    )


def fail(client, times, username="editor", remote_addr="203.0.113.7", **meta) -> list[int]:
    """Signs in with a wrong password ``times`` times; the statuses (the failure reaching the limit locks)."""
    return [sign_in(client, username, "wrong password", remote_addr, **meta).status_code for _ in range(times)]


@pytest.fixture
def limit(settings):
    settings.AXES_FAILURE_LIMIT = 3
    return 3


def test_a_user_name_is_locked_after_the_failure_limit_even_with_the_right_password(client, limit):
    make_editor()
    below = sign_in(client, "editor", "wrong password")
    assert below.status_code == 200  # the form again, with Django's own error
    assert b"Please enter the correct username and password" in below.content
    assert sign_in(client, "editor", PASSWORD).status_code == 302  # one failure is not a lock
    client.logout()

    assert fail(client, limit - 1) == [200] * (limit - 2) + [429]  # the earlier failure still counts
    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert "_auth_user_id" not in client.session
    page = response.content.decode()
    assert "Signing in is locked" in page
    assert "Please try again in 30 minutes" in page
    assert response["Retry-After"] == str(30 * 60)


def test_one_user_name_tried_from_many_addresses_is_locked_everywhere(client, limit):
    make_editor()
    for n in range(limit):
        fail(client, 1, remote_addr=f"198.51.100.{n + 1}")
    assert sign_in(client, "editor", PASSWORD, remote_addr="192.0.2.200").status_code == 429


def test_one_address_trying_many_user_names_is_locked_for_every_name(client, limit):
    make_editor()
    for n in range(limit):
        fail(client, 1, username=f"guess{n}")
    assert sign_in(client, "editor", PASSWORD).status_code == 429
    # The same user from elsewhere is not held for what this address did.
    assert sign_in(client, "editor", PASSWORD, remote_addr="192.0.2.200").status_code == 302


def test_the_lockout_page_speaks_armenian_to_an_armenian_reader(client, limit):
    make_editor()
    fail(client, limit, HTTP_ACCEPT_LANGUAGE="hy")
    response = sign_in(client, "editor", PASSWORD, HTTP_ACCEPT_LANGUAGE="hy")
    assert response.status_code == 429
    page = response.content.decode()
    assert '<html lang="hy">' in page
    assert "Մուտքն արգելափակված է" in page  # "Signing in is locked"
    assert "Signing in is locked" not in page


def test_the_lockout_page_names_neither_the_user_nor_the_address(client, limit):
    make_editor()
    fail(client, limit)
    page = sign_in(client, "editor", PASSWORD).content.decode()
    assert "editor" not in page
    assert "203.0.113.7" not in page


def test_a_forged_forwarded_for_does_not_dodge_the_address_lock(client, limit, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    make_editor()
    for n in range(limit):
        # Straight from the client, not through the proxy: its X-Forwarded-For is not believed.
        fail(client, 1, username=f"guess{n}", HTTP_X_FORWARDED_FOR=f"192.0.2.{n + 1}")
    assert sign_in(client, "editor", PASSWORD, HTTP_X_FORWARDED_FOR="192.0.2.99").status_code == 429


def test_behind_a_trusted_proxy_each_client_address_is_counted_apart(client, limit, settings):
    settings.TRUSTED_PROXIES = ["10.0.0.1"]
    make_editor()
    for n in range(limit):
        fail(client, 1, username=f"guess{n}", remote_addr="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1")
    locked = sign_in(client, "editor", PASSWORD, remote_addr="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.1")
    assert locked.status_code == 429
    # Another reader behind the same proxy signs in.
    other = sign_in(client, "editor", PASSWORD, remote_addr="10.0.0.1", HTTP_X_FORWARDED_FOR="192.0.2.2")
    assert other.status_code == 302
    assert set(AccessAttempt.objects.values_list("ip_address", flat=True)) == {"192.0.2.1"}


def test_the_lock_lifts_by_itself_after_the_cool_off(client, limit):
    make_editor()
    fail(client, limit)
    assert sign_in(client, "editor", PASSWORD).status_code == 429
    # Half an hour and a minute later, as far as the stored failures can tell.
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(minutes=31))
    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_without_a_cool_off_the_lock_holds_until_an_administrator_lifts_it(client, limit, settings):
    settings.AXES_COOLOFF_MINUTES, settings.AXES_COOLOFF_TIME = 0, None
    make_editor()
    fail(client, limit)
    AccessAttempt.objects.update(attempt_time=AccessAttempt.objects.get().attempt_time - timedelta(days=30))
    response = sign_in(client, "editor", PASSWORD)
    assert response.status_code == 429
    assert "Please ask an administrator to unlock it." in response.content.decode()
    assert not response.has_header("Retry-After")


def test_axes_reset_username_unlocks_that_user(client, limit):
    make_editor()
    fail(client, limit, remote_addr="198.51.100.1")  # also locks that address
    call_command("axes_reset_username", "editor", stdout=None)
    assert sign_in(client, "editor", PASSWORD, remote_addr="192.0.2.200").status_code == 302


def test_axes_reset_ip_unlocks_that_address(client, limit):
    make_editor()
    for n in range(limit):
        fail(client, 1, username=f"guess{n}")
    call_command("axes_reset_ip", "203.0.113.7")
    assert sign_in(client, "editor", PASSWORD).status_code == 302


def test_axes_reset_unlocks_everyone(client, limit):
    make_editor()
    fail(client, limit)
    call_command("axes_reset")
    assert not AccessAttempt.objects.exists()
    assert sign_in(client, "editor", PASSWORD).status_code == 302
