"""ASGI entry point, for servers that speak ASGI."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "newsroom.settings")

application = get_asgi_application()

from newsroom.startup import refuse_half_configured_production  # noqa: E402 (needs settings loaded)

refuse_half_configured_production()
