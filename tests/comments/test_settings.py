"""Each comment rule's number is a setting whose default is the one docs/design.md gives."""

from django.conf import settings


def test_comment_settings_default_to_the_designed_values():
    assert settings.COMMENTS_MAX_DEPTH == 5
    assert settings.COMMENTS_AUTO_APPROVE is False
    assert settings.COMMENTS_CLOSE_AFTER_DAYS == 0  # off
    assert settings.COMMENTS_RETENTION_DAYS == 60
    assert settings.COMMENTS_FLOOD_SECONDS == 15
    assert settings.COMMENTS_MIN_SECONDS == 3
    assert settings.COMMENTS_MAX_LINKS == 2


def test_trusted_proxies_are_empty_by_default():
    assert settings.TRUSTED_PROXIES == []


def test_moderators_email_goes_to_the_console_unless_configured():
    # pytest-django swaps the backend itself for the test run; the configured one is kept here.
    assert settings.EMAIL_CONFIG["EMAIL_BACKEND"] == "django.core.mail.backends.console.EmailBackend"
