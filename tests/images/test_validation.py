"""Uploads are judged by Pillow on their content, never by their file name."""

import struct
import zlib

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from images.fields import UploadedImageField
from tests.factories import image_bytes, jpeg_bytes, png_bytes, upload


@pytest.fixture(autouse=True)
def in_english():
    """The messages are translated; these tests read the English ones."""
    with translation.override("en"):
        yield


def refusal(file) -> ValidationError:
    with pytest.raises(ValidationError) as refused:
        UploadedImageField().clean(file)
    return refused.value


def png_declaring(width: int, height: int) -> bytes:
    """A few hundred bytes that claim to be a huge PNG: the classic decompression bomb header."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\0" * 64)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")


@pytest.mark.parametrize(
    "content, name",
    [
        (jpeg_bytes(), "photo.jpg"),
        (png_bytes(), "chart.png"),
        (png_bytes(transparent=True), "logo.png"),
        (image_bytes("WEBP"), "photo.webp"),
        (image_bytes("GIF"), "animation.gif"),
    ],
)
def test_jpeg_png_webp_and_gif_are_accepted(content, name):
    assert UploadedImageField().clean(upload(content, name)).name == name


def test_a_jpeg_named_like_a_text_file_is_still_accepted():
    assert UploadedImageField().clean(upload(jpeg_bytes(), "notes.txt", "text/plain"))


def test_a_text_file_renamed_jpg_is_refused():
    error = refusal(upload(b"Just some words, not an image at all.\n" * 20, "photo.jpg"))

    assert error.code == "unsupported"
    assert "not a JPEG, PNG, WebP or GIF" in error.messages[0]


def test_an_html_file_renamed_jpg_is_refused():
    error = refusal(upload(b"<html><script>alert(1)</script></html>", "photo.jpg"))

    assert error.code == "unsupported"


def test_svg_is_refused():
    svg = b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><script>alert(1)</script></svg>'

    error = refusal(upload(svg, "logo.svg", "image/svg+xml"))

    assert error.code == "unsupported"
    assert "SVG" in error.messages[0]


@pytest.mark.parametrize("format", ["BMP", "TIFF", "PPM"])
def test_real_images_in_other_formats_are_refused(format):
    error = refusal(upload(image_bytes(format), "photo.jpg"))

    assert error.code == "unsupported"


def test_a_truncated_jpeg_is_refused():
    whole = jpeg_bytes(size=(1200, 800), color="navy")

    error = refusal(upload(whole[: len(whole) * 2 // 3], "cut.jpg"))

    assert error.code == "corrupt"
    assert "damaged or incomplete" in error.messages[0]


def test_a_truncated_png_is_refused():
    whole = png_bytes(size=(600, 400))

    error = refusal(upload(whole[: len(whole) // 2], "cut.png"))

    assert error.code == "corrupt"


def test_a_file_over_the_size_limit_is_refused(settings):
    settings.MAX_UPLOAD_SIZE = 10_000
    content = jpeg_bytes(size=(1500, 1500))
    assert len(content) > 10_000

    error = refusal(upload(content))

    assert error.code == "too_large"
    assert "9.8\xa0KB" in error.messages[0]


def test_the_default_size_limit_is_twenty_megabytes(settings):
    from newsroom import settings as project_settings

    assert project_settings.MAX_UPLOAD_SIZE == 20 * 1024 * 1024


def test_a_small_file_declaring_a_huge_image_is_refused_before_decoding():
    bomb = png_declaring(100_000, 100_000)
    assert len(bomb) < 200

    error = refusal(upload(bomb, "bomb.png", "image/png"))

    assert error.code == "too_many_pixels"


def test_an_image_over_the_pixel_limit_is_refused(settings):
    settings.IMAGE_MAX_PIXELS = 1_000_000

    error = refusal(upload(jpeg_bytes(size=(1200, 1000))))

    assert error.code == "too_many_pixels"
    assert "1200 × 1000" in error.messages[0]


def test_pillows_own_bomb_warning_becomes_a_form_error(settings, monkeypatch):
    from PIL import Image

    # Between Pillow's limit and twice that, Pillow only warns: that must refuse too.
    monkeypatch.setattr(Image, "MAX_IMAGE_PIXELS", 1_000_000)

    error = refusal(upload(jpeg_bytes(size=(1200, 1000))))

    assert error.code == "too_many_pixels"
