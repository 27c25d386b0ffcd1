"""WSGI entry point, served in production by gunicorn (``gunicorn newsroom.wsgi``)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

application = get_wsgi_application()

from newsroom.startup import refuse_half_configured_production  # noqa: E402 (needs settings loaded)

refuse_half_configured_production()
