"""
The files made from one accepted upload, in memory: an upright master and the
renditions readers load.

Every file a reader can load is re-encoded here by Pillow: EXIF orientation
applied, metadata (EXIF, GPS, XMP, comments) dropped, the colour profile
kept. Nothing here touches storage or the database (images.storage does),
so the benchmark and the model share exactly this path.
"""

import io
from dataclasses import dataclass

from PIL import Image, ImageOps

from .fields import decode

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


@dataclass
class Encoded:
    """One file made from an upload, not yet stored."""

    content: bytes
    width: int
    height: int
    format: str  # "webp", "jpeg" or "png"
    purpose: str  # "master", "srcset" or "social"
    suffix: str  # distinguishes the renditions' file names


def _encode(image: Image.Image, format: str, options: dict, icc_profile: bytes | None) -> bytes:
    buffer = io.BytesIO()
    if icc_profile:
        options = {**options, "icc_profile": icc_profile}
    # No exif=, xmp= or comment= is passed, so none is written.
    image.save(buffer, format, **options)
    return buffer.getvalue()


def _resize(image: Image.Image, size: tuple[int, int]) -> Image.Image:
    if image.size == size:
        return image
    return image.resize(size, Image.Resampling.LANCZOS, reducing_gap=3.0)


def _social_crop(image: Image.Image) -> Image.Image:
    """The 1200×630 card, cropped from the centre; smaller images give a smaller card, never an upscaled one."""
    target_width, target_height = SOCIAL_CARD_SIZE
    scale = min(1.0, image.width / target_width, image.height / target_height)
    size = (max(1, round(target_width * scale)), max(1, round(target_height * scale)))
    return ImageOps.fit(image, size, Image.Resampling.LANCZOS)


def encode_renditions(file) -> list[Encoded]:
    """
    Everything served for one image: an upright, metadata-free master at
    full size, WebP and JPEG (PNG when transparent) at each rendition width
    up to the image's own, and the social card.
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
    image = upright.convert("RGBA" if transparent else "RGB")
    del upright
    # Some encoders fall back to the source's info (a JPEG comment, PNG text
    # chunks); with it empty, only what _encode passes is written.
    image.info = {}
    # A GIF master is stored as PNG: a still of its first frame, losslessly.
    master_format = "PNG" if source_format == "GIF" else source_format
    fallback = ("png", "PNG", PNG_OPTIONS) if transparent else ("jpeg", "JPEG", JPEG_OPTIONS)
    if master_format == "JPEG" and transparent:
        master_format = "PNG"

    files = [
        Encoded(
            _encode(image, master_format, MASTER_OPTIONS[master_format], icc_profile),
            image.width,
            image.height,
            master_format.lower(),
            "master",
            "",
        )
    ]
    widths = sorted({min(width, image.width) for width in RENDITION_WIDTHS})
    for width in widths:
        height = max(1, round(image.height * width / image.width))
        resized = _resize(image, (width, height))
        for format, pillow_format, options in [("webp", "WEBP", WEBP_OPTIONS), fallback]:
            content = _encode(resized, pillow_format, options, icc_profile)
            files.append(Encoded(content, width, height, format, "srcset", f"{width}w"))
    card = _social_crop(image)
    content = _encode(card, fallback[1], fallback[2], icc_profile)
    files.append(Encoded(content, card.width, card.height, fallback[0], "social", "social"))
    return files
