"""
The serving entry points (wsgi.py, asgi.py, and so runserver and gunicorn)
refuse to start a production site that is only half configured. Management
commands do not pass through here, so migrate or makemigrations need no secret.
"""

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured


def refuse_half_configured_production() -> None:
    if settings.DEBUG:
        return
    try:
        # Django itself refuses an empty key when it is read.
        _ = settings.SECRET_KEY
    except ImproperlyConfigured:
        raise ImproperlyConfigured("Set SECRET_KEY in the environment (or DEBUG=true for local development).") from None
    if not settings.ALLOWED_HOSTS:
        raise ImproperlyConfigured("Set ALLOWED_HOSTS in the environment, e.g. ALLOWED_HOSTS=news.example.org.")
