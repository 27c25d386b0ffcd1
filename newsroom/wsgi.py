"""WSGI entry point, served in production by gunicorn (``gunicorn newsroom.wsgi``)."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

# get_wsgi_application(), with a request class that survives an unparsable
# Content-Type (newsroom.requests).
django.setup(set_prefix=False)

from newsroom.requests import NewsroomWSGIHandler  # noqa: E402 (needs settings loaded)
from newsroom.startup import refuse_half_configured_production  # noqa: E402

application = NewsroomWSGIHandler()

refuse_half_configured_production()
