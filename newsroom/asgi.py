"""ASGI entry point, for servers that speak ASGI."""

import os

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

# get_asgi_application(), with a request class that survives an unparsable
# Content-Type (newsroom.requests), as wsgi.py does.
django.setup(set_prefix=False)

from newsroom.requests import NewsroomASGIHandler  # noqa: E402 (needs settings loaded)
from newsroom.startup import refuse_half_configured_production  # noqa: E402

application = NewsroomASGIHandler()

refuse_half_configured_production()
