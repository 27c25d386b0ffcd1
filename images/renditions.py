"""
What a template needs to show an image, read from the row alone: the
rendition list stored in ``image_renditions``, turned into URLs and srcsets.
Page views go through this and never open a file.
"""

from dataclasses import dataclass
from functools import cached_property


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int
    format: str


class Renditions:
    """An image's stored renditions, grouped as ``templates/includes/image.html`` uses them."""

    def __init__(self, stored: list[dict], storage):
        self._stored = stored
        self._storage = storage

    def _of(self, purpose: str) -> list[Rendition]:
        found = [
            Rendition(self._storage.url(r["name"]), r["width"], r["height"], r["format"])
            for r in self._stored
            if r["purpose"] == purpose
        ]
        return sorted(found, key=lambda rendition: rendition.width)

    @cached_property
    def webp(self) -> list[Rendition]:
        return [r for r in self._of("srcset") if r.format == "webp"]

    @cached_property
    def fallback(self) -> list[Rendition]:
        return [r for r in self._of("srcset") if r.format != "webp"]

    @cached_property
    def social(self) -> Rendition | None:
        return next(iter(self._of("social")), None)

    @property
    def webp_srcset(self) -> str:
        return ", ".join(f"{r.url} {r.width}w" for r in self.webp)

    @property
    def fallback_srcset(self) -> str:
        return ", ".join(f"{r.url} {r.width}w" for r in self.fallback)

    @property
    def src(self) -> Rendition:
        """For browsers without srcset: the middle width, sharp enough without being the heaviest."""
        return self.fallback[len(self.fallback) // 2]

    @property
    def largest(self) -> Rendition:
        return self.fallback[-1]

    @property
    def thumbnail(self) -> Rendition:
        return self.webp[0]

    def __bool__(self):
        return bool(self.fallback)
