"""
What a template needs to show an image, read from the row alone: the
rendition list stored in ``image_renditions``, turned into URLs and srcsets.
Page views go through this and never open a file.
"""

from dataclasses import dataclass
from functools import cached_property

from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int
    format: str
    name: str = ""
    # In bytes; None for renditions stored before sizes were recorded.
    size: int | None = None

    @property
    def mime_type(self) -> str:
        return f"image/{self.format}"


class Renditions:
    """An image's stored renditions, grouped as ``templates/includes/image.html`` uses them."""

    def __init__(self, stored: list[dict], storage):
        self._stored = stored
        self._storage = storage

    @cached_property
    def _by_purpose(self) -> dict[str, list[Rendition]]:
        # One pass over the stored list: a page asks for several groups of the same image.
        grouped = {}
        for r in sorted(self._stored, key=lambda stored: stored["width"]):
            rendition = Rendition(
                self._storage.url(r["name"]), r["width"], r["height"], r["format"], r["name"], r.get("size")
            )
            grouped.setdefault(r["purpose"], []).append(rendition)
        return grouped

    def _of(self, purpose: str) -> list[Rendition]:
        return self._by_purpose.get(purpose, [])

    @cached_property
    def webp(self) -> list[Rendition]:
        return [r for r in self._of("srcset") if r.format == "webp"]

    @cached_property
    def fallback(self) -> list[Rendition]:
        return [r for r in self._of("srcset") if r.format != "webp"]

    @cached_property
    def social(self) -> Rendition | None:
        return next(iter(self._of("social")), None)

    @cached_property
    def webp_srcset(self) -> str:
        return ", ".join(f"{r.url} {r.width}w" for r in self.webp)

    @cached_property
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

    def size_of(self, rendition: Rendition) -> int:
        """
        ``rendition``'s length in bytes, from the stored list; renditions made
        before their sizes were recorded ask the storage once per call
        (``make_renditions --all`` records them).
        """
        return rendition.size if rendition.size is not None else self._storage.size(rendition.name)

    def __bool__(self):
        return bool(self.fallback)

    def picture(self, alt: str, sizes: str, eager: bool = False) -> SafeString:
        """
        The ``<picture>``: WebP for browsers that take it, JPEG or PNG for the
        rest; ``eager`` for the one image above the fold, which the browser
        should fetch first. Built here rather than in a template include,
        since a list page shows many.
        """
        loading = 'loading="eager" fetchpriority="high"' if eager else 'loading="lazy" decoding="async"'
        return format_html(
            '<picture>\n  <source type="image/webp" srcset="{}" sizes="{}">\n'
            '  <img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" {}>\n</picture>',
            self.webp_srcset,
            sizes,
            self.src.url,
            self.fallback_srcset,
            sizes,
            self.largest.width,
            self.largest.height,
            alt,
            mark_safe(loading),  # nosec B308  # one of the two fixed strings above
        )
