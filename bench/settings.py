"""
Settings for `make bench`: production settings (DEBUG off, manifest static
files) plus the floor view's URL. Only the benchmark uses this module.
"""

import os

os.environ.setdefault("SECRET_KEY", "benchmark-only")
os.environ.setdefault("ALLOWED_HOSTS", "127.0.0.1,localhost")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")
os.environ.setdefault("SECURE_HSTS_SECONDS", "0")
# The benchmark seeds the demo newsroom, which production settings leave out.
os.environ["DEMO"] = "true"

from newsroom.settings import *  # noqa: E402,F403

INSTALLED_APPS = [*INSTALLED_APPS, "bench"]  # noqa: F405
ROOT_URLCONF = "bench.urls"
LOGGING = {"version": 1, "disable_existing_loggers": False, "root": {"level": "WARNING"}}
TEMPLATES[0]["DIRS"].append(BASE_DIR / "bench" / "templates")  # noqa: F405
