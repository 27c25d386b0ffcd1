"""
What an upload must be to be accepted, and the form and model fields that
hold every upload to it.

Pillow judges the content, never the file name: a JPEG called notes.txt is
an image, a script called photo.jpg is not. Every pixel is decoded once here,
because only a full decode finds a truncated file, and a size and pixel limit
is checked before that decode so that a small file declaring a huge image
(a decompression bomb) is refused without being expanded.
"""

import io
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _
from PIL import Image, UnidentifiedImageError

# Pillow format names we accept. Pillow's JPEG opener also returns "MPO", the
# multi-picture JPEG many phones write; it is treated as a JPEG.
ACCEPTED_FORMATS = ("JPEG", "PNG", "WEBP", "GIF")

MESSAGES = {
    "too_large": _("This file is %(size)s; images may be at most %(limit)s."),
    "too_many_pixels": _(
        "This image is %(width)s × %(height)s pixels; images may have at most %(limit)s million pixels."
    ),
    "bomb": _("This image declares more pixels than can be handled; images may have at most %(limit)s million."),
    "unsupported": _("This file is not a JPEG, PNG, WebP or GIF image. SVG and other formats are not accepted."),
    "corrupt": _("This image is damaged or incomplete and cannot be read. Please export it again."),
}


def check_upload(upload) -> None:
    """
    Refuse anything that is not a whole JPEG, PNG, WebP or GIF image of a
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
    The image in ``file``, decoded, if it is an accepted format and size;
    otherwise a ValidationError saying what is wrong with it.
    """
    limit = settings.IMAGE_MAX_PIXELS
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Pillow only warns between its own limit and twice that; refuse there too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            # Pillow closes the file it reads; give it a copy so the upload stays usable.
            image = Image.open(io.BytesIO(file.read()), formats=ACCEPTED_FORMATS)
            width, height = image.size
            if width * height > limit:
                raise ValidationError(
                    MESSAGES["too_many_pixels"],
                    code="too_many_pixels",
                    params={"width": width, "height": height, "limit": limit // 1_000_000},
                )
            image.load()
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise ValidationError(MESSAGES["bomb"], code="too_many_pixels", params={"limit": limit // 1_000_000}) from None
    except UnidentifiedImageError:
        raise ValidationError(MESSAGES["unsupported"], code="unsupported") from None
    except (OSError, SyntaxError, ValueError, EOFError):
        raise ValidationError(MESSAGES["corrupt"], code="corrupt") from None
    return image


class UploadedImageField(forms.ImageField):
    """Django's form ImageField, with Newsroom's checks and their clear messages."""

    # Django's field also checks the file name's extension; here only the
    # content counts, and stored files are named after the format Pillow found.
    default_validators = []

    def to_python(self, data):
        upload = forms.FileField.to_python(self, data)
        if upload is None:
            return None
        check_upload(upload)
        return upload


class ImageField(models.ImageField):
    """A model ImageField whose form field runs ``check_upload``."""

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": UploadedImageField, **kwargs})
