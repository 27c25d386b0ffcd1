"""Real pictures made by Pillow for the image tests: small, with the metadata a phone writes."""
import functools
import io

from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageCms

ORIENTATION = 0x0112
GPS_IFD = 0x8825
MAKE = 0x010F


def phone_exif(orientation: int = 1) -> Image.Exif:
    """EXIF as a phone writes it: camera make, orientation, and where the photo was taken."""
    exif = Image.Exif()
    exif[MAKE] = "NewsCam"
    exif[ORIENTATION] = orientation
    gps = exif.get_ifd(GPS_IFD)
    gps[1] = "N"
    gps[2] = (40.0, 10.0, 38.0)
    gps[3] = "E"
    gps[4] = (44.0, 30.0, 52.0)
    return exif


@functools.cache
def srgb_profile() -> bytes:
    # Made once: a profile records the second it was made, so two calls may differ.
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()


def jpeg_bytes(size=(2000, 1200), orientation: int = 1, icc: bool = True, color="steelblue") -> bytes:
    buffer = io.BytesIO()
    options = {"exif": phone_exif(orientation), "quality": 85}
    if icc:
        options["icc_profile"] = srgb_profile()
    Image.new("RGB", size, color).save(buffer, "JPEG", **options)
    return buffer.getvalue()


def png_bytes(size=(800, 600), transparent=False) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGBA" if transparent else "RGB", size, (200, 30, 30, 128) if transparent else "tomato").save(
        buffer, "PNG"
    )
    return buffer.getvalue()


def picture_bytes(format: str, size=(640, 480)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "olive").save(buffer, format)
    return buffer.getvalue()


def upload(content: bytes, name: str = "photo.jpg", content_type: str = "image/jpeg") -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content, content_type=content_type)
