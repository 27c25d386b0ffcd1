import io

import pytest
from django.core.management import call_command

from demo import drawing

SMALL = (320, 180)


@pytest.fixture(autouse=True)
def small_pictures(monkeypatch):
    """Seed with small pictures: the renditions of 14 full-size ones take seconds per run."""
    full_size = drawing.IMAGE_SIZE
    monkeypatch.setattr(drawing, "IMAGE_SIZE", SMALL)
    return full_size


@pytest.fixture
def seed():
    """Run `manage.py seed_demo` as `make run` does; return what it printed."""

    def run() -> str:
        out = io.StringIO()
        call_command("seed_demo", stdout=out)
        return out.getvalue()

    return run
