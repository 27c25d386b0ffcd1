"""
Pictures, from upload to page: what an upload must be to be accepted, and the
files made from it once, when it is saved.

Every file a reader can load is re-encoded here by Pillow: EXIF orientation
applied, metadata (EXIF, GPS, XMP, comments) dropped, the colour profile kept.
The page views only read the rendition list stored on the row (``Renditions``),
so they never open an image.
"""

import io
import posixpath
import re
import secrets
import warnings
from dataclasses import dataclass
from functools import cached_property

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db import models, transaction
from django.template.defaultfilters import filesizeformat
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps, UnidentifiedImageError

# Pillow format names we accept. Pillow's JPEG opener also returns "MPO", the
# multi-picture JPEG many phones write; it is treated as a JPEG.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")
RENDITION_WIDTHS = (480, 960, 1600)
SOCIAL_CARD_SIZE = (1200, 630)

WEBP_OPTIONS = {"quality": 80, "method": 4}
JPEG_OPTIONS = {"quality": 82, "optimize": True, "progressive": True}
PNG_OPTIONS = {"optimize": True}
# The stored master is re-encoded too, so the raw upload (and its GPS tags) is never kept.
MASTER_OPTIONS = {
    "JPEG": {"quality": 92, "progressive": True},
    "PNG": {"compress_level": 6},
    "WEBP": {"quality": 92, "method": 4},
}
EXTENSIONS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}

MESSAGES = {
    "too_large": _("This file is %(size)s; pictures may be at most %(limit)s."),
    "too_many_pixels": _(
        "This picture is %(width)s × %(height)s pixels; pictures may have at most %(limit)s million pixels."
    ),
    "bomb": _("This picture declares more pixels than can be handled; pictures may have at most %(limit)s million."),
    "unsupported": _("This file is not a JPEG, PNG, WebP or GIF picture. SVG and other formats are not accepted."),
    "corrupt": _("This picture is damaged or incomplete and cannot be read. Please export it again."),
}


def check_upload(upload) -> None:
    """
    Refuse anything that is not a whole JPEG, PNG, WebP or GIF picture of a
    sane size. The content decides, never the file name.
    """
    if upload.size is not None and upload.size > settings.MAX_UPLOAD_SIZE:
        raise ValidationError(
            MESSAGES["too_large"],
            code="too_large",
            params={"size": filesizeformat(upload.size), "limit": filesizeformat(settings.MAX_UPLOAD_SIZE)},
        )
    try:
        # Decoding every pixel is the only way to find a truncated file.
        decode(file=upload).close()
    finally:
        upload.seek(0)


def decode(file) -> Image.Image:
    """
    The picture in ``file``, decoded, if it is an accepted format and size;
    otherwise a ValidationError saying what is wrong with it.
    """
    limit = settings.IMAGE_MAX_PIXELS
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its own limit and twice that; refuse there too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Pillow closes the file it reads; give it a copy so the upload stays usable.
            picture = Image.open(io.BytesIO(file.read()), formats=ACCEPTED_FORMATS)
            width, height = picture.size
            if width * height > limit:
                raise ValidationError(
                    MESSAGES["too_many_pixels"],
                    code="too_many_pixels",
                    params={"width": width, "height": height, "limit": limit // 1_000_000},
                )
            picture.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(MESSAGES["bomb"], code="too_many_pixels", params={"limit": limit // 1_000_000}) from None
    except UnidentifiedImageError:
        raise ValidationError(MESSAGES["unsupported"], code="unsupported") from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise ValidationError(MESSAGES["corrupt"], code="corrupt") from None
    return picture


class UploadedPictureField(forms.ImageField):
    """Django's ImageField, with Newsroom's checks and their clear messages."""

    # Django's field also checks the file name's extension; here only the
    # content counts, and stored files are named after the format Pillow found.
    default_validators = []

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        check_upload(upload)
        return upload


class PictureField(models.ImageField):
    """An ImageField whose form field runs ``check_upload``."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": UploadedPictureField, **kwargs})


@dataclass
class Encoded:
    """One file made from an upload, not yet stored."""

    content: bytes
    width: int
    height: int
    format: str  # "webp", "jpeg" or "png"
    purpose: str  # "master", "srcset" or "social"
    suffix: str  # distinguishes the renditions' file names


def _encode(picture: Image.Image, format: str, options: dict, icc_profile: bytes | None) -> bytes:
    buffer = io.BytesIO()
    if icc_profile:
        options = {**options, "icc_profile": icc_profile}
    # No exif=, xmp= or comment= is passed, so none is written.
    picture.save(buffer, format, **options)
    return buffer.getvalue()


def _resize(picture: Image.Image, size: tuple[int, int]) -> Image.Image:
    if picture.size == size:
        return picture
    return picture.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _social_crop(picture: Image.Image) -> Image.Image:
    """The 1200×630 card, cropped from the centre; smaller pictures give a smaller card, never an upscaled one."""
    target_width, target_height = SOCIAL_CARD_SIZE
    scale = min(1.0, picture.width / target_width, picture.height / target_height)
    size = (max(1, round(target_width * scale)), max(1, round(target_height * scale)))
    return ImageOps.fit(picture, size, Image.Resampling.LANCZOS)


def encode_renditions(file) -> list[Encoded]:
    """
    Everything served for one picture: an upright, metadata-free master at
    full size, WebP and JPEG (PNG when transparent) at each rendition width
    up to the picture's own, and the social card.
    """
    original = decode(file)
    try:
        source_format = "JPEG" if original.format == "MPO" else original.format
        icc_profile = original.info.get("icc_profile") if original.mode in ("RGB", "RGBA") else None
        upright = ImageOps.exif_transpose(original)
    finally:
        # close(), unlike leaving a with block, frees the pixels: 72 MB for 24 MP.
        original.close()
    transparent = upright.has_transparency_data
    picture = upright.convert("RGBA" if transparent else "RGB")
    del upright
    # Some encoders fall back to the source's info (a JPEG comment, PNG text
    # chunks); with it empty, only what _encode passes is written.
    picture.info = {}
    # A GIF master is stored as PNG: a still of its first frame, losslessly.
    master_format = "PNG" if source_format == "GIF" else source_format
    fallback = ("png", "PNG", PNG_OPTIONS) if transparent else ("jpeg", "JPEG", JPEG_OPTIONS)
    if master_format == "JPEG" and transparent:
        master_format = "PNG"

    files = [
        Encoded(
            _encode(picture, master_format, MASTER_OPTIONS[master_format], icc_profile),
            picture.width,
            picture.height,
            master_format.lower(),
            "master",
            "",
        )
    ]
    widths = sorted({min(width, picture.width) for width in RENDITION_WIDTHS})
    for width in widths:
        height = max(1, round(picture.height * width / picture.width))
        resized = _resize(picture, (width, height))
        for format, pillow_format, options in [("webp", "WEBP", WEBP_OPTIONS), fallback]:
            content = _encode(resized, pillow_format, options, icc_profile)
            files.append(Encoded(content, width, height, format, "srcset", f"{width}w"))
    card = _social_crop(picture)
    content = _encode(card, fallback[1], fallback[2], icc_profile)
    files.append(Encoded(content, card.width, card.height, fallback[0], "social", "social"))
    return files


def store_renditions(encoded: list[Encoded], storage, name: str) -> tuple[str, list[dict]]:
    """
    Save ``encoded`` through ``storage`` (so S3 or any other backend works by
    configuration) next to ``name``; return the master's stored name and the
    renditions' metadata for the database.
    """
    # A fresh token per save: a replaced picture never reuses a cached URL, and
    # storages that overwrite (S3's default) never mix two uploads' files.
    stem = f"{posixpath.splitext(name)[0]}-{secrets.token_hex(4)}"
    master, *renditions = encoded
    master_name = storage.save(f"{stem}.{_extension(master.format)}", ContentFile(master.content))
    stem = posixpath.splitext(master_name)[0]
    stored = []
    for rendition in renditions:
        rendition_name = f"{stem}.{rendition.suffix}.{_extension(rendition.format)}"
        stored_name = storage.save(rendition_name, ContentFile(rendition.content))
        stored.append(
            {
                "name": stored_name,
                "width": rendition.width,
                "height": rendition.height,
                "format": rendition.format,
                "purpose": rendition.purpose,
            }
        )
    return master_name, stored


def _extension(format: str) -> str:
    return EXTENSIONS[format.upper()]


def delete_files_on_commit(storage, names) -> None:
    """Remove ``names`` from ``storage`` once the database change that dropped them is committed."""
    names = [name for name in names if name]
    if names:
        transaction.on_commit(lambda: delete_files(storage, names))


def delete_files(storage, names) -> None:
    for name in names:
        storage.delete(name)


class ImageOwner:
    """
    For models with ``image`` (a PictureField), ``image_width``,
    ``image_height`` and ``image_renditions``: makes the renditions when the
    image is new or replaced, and deletes the files it no longer needs once
    the save is committed.
    """

    def save(self, *args, **kwargs):
        outdated_files = self.prepare_image()
        super().save(*args, **kwargs)
        delete_files_on_commit(self.image.storage, outdated_files)

    @property
    def picture(self) -> "Renditions | None":
        """The image's renditions, or None when there is nothing to show."""
        if not self.image:
            return None
        return Renditions(self.image_renditions, self.image.storage) or None

    def stored_files(self) -> list[str]:
        if not self.image:
            return []
        return [self.image.name, *(rendition["name"] for rendition in self.image_renditions or [])]

    def prepare_image(self) -> list[str]:
        """
        Call before saving: processes a new image and returns the names of the
        files (old master and renditions) to delete once the save is committed.
        """
        stored = None
        if self.pk:
            stored = type(self).objects.filter(pk=self.pk).values("image", "image_renditions").first()
        old_files = []
        if stored and stored["image"]:
            old_files = [stored["image"], *(rendition["name"] for rendition in stored["image_renditions"] or [])]

        if not self.image:
            self.image_renditions, self.image_width, self.image_height = [], None, None
        elif not self.image._committed or stored is None or self.image.name != stored["image"]:
            # New to this row: uploaded now, or already written to storage by image.save(save=False).
            self._make_renditions()
        current = set(self.stored_files())
        return [name for name in old_files if name not in current]

    def _make_renditions(self) -> None:
        field_file = self.image
        storage = field_file.storage
        raw_committed = field_file.name if field_file._committed else None
        field_file.open("rb")
        try:
            encoded = encode_renditions(field_file)
        finally:
            if raw_committed:
                field_file.close()
        if raw_committed:
            # Saved straight to storage (image.save("x.jpg", file)): the raw file held the metadata.
            storage.delete(raw_committed)
            name = raw_committed
        else:
            name = field_file.field.generate_filename(self, posixpath.basename(field_file.name))
        master_name, self.image_renditions = store_renditions(encoded, storage, name)
        self.image = master_name
        self.image_width, self.image_height = encoded[0].width, encoded[0].height


@dataclass(frozen=True)
class Rendition:
    url: str
    width: int
    height: int
    format: str


class Renditions:
    """What a template needs to show a picture, read from the row alone."""

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


# Inline pictures in an article body: the editor stores
# <img src="…" data-file="ID" alt="…">; on save this becomes a <picture>.
# The body has just been through nh3, whose serialiser writes every attribute
# as name="value" with quotes escaped, which is what makes these patterns safe.
_PICTURE_WRAPPER = re.compile(r"</?picture>|<source\b[^>]*>")
_IMG = re.compile(r'<img((?:\s+[\w-]+="[^"]*")*)\s*/?>')
_ATTRIBUTE = re.compile(r'([\w-]+)="([^"]*)"')
BODY_SIZES = "(min-width: 44rem) 42rem, 100vw"


def inline_image_ids(html: str) -> set[int]:
    ids = set()
    for match in _IMG.finditer(html or ""):
        value = dict(_ATTRIBUTE.findall(match.group(1))).get("data-file", "")
        if value.isdigit():
            ids.add(int(value))
    return ids


def expand_inline_images(html: str, renditions_by_id: dict[int, Renditions]) -> str:
    """
    Replace each ``<img data-file="ID">`` whose picture is known with a
    responsive ``<picture>``; other images are left as they are.
    """
    if not html:
        return html
    html = _PICTURE_WRAPPER.sub("", html)

    def expand(match):
        attributes = dict(_ATTRIBUTE.findall(match.group(1)))
        value = attributes.get("data-file", "")
        renditions = renditions_by_id.get(int(value)) if value.isdigit() else None
        if not renditions:
            return match.group(0)
        # The alt text comes out of nh3 already escaped; escaping it again would show "&amp;quot;".
        alt = mark_safe(attributes.get("alt", ""))
        return format_html(
            '<picture><source type="image/webp" srcset="{}" sizes="{}">'
            '<img src="{}" srcset="{}" sizes="{}" width="{}" height="{}" alt="{}" loading="lazy" decoding="async"'
            ' data-file="{}"></picture>',
            renditions.webp_srcset,
            BODY_SIZES,
            renditions.src.url,
            renditions.fallback_srcset,
            BODY_SIZES,
            renditions.largest.width,
            renditions.largest.height,
            alt,
            value,
        )

    return _IMG.sub(expand, html)
