"""
How the admin shows a ResponsiveImage: small renditions for a list's column
and for the change form. No model is registered here; each owner's admin
mixes ImageThumbnails in.
"""

from django.contrib import admin
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

PREVIEW_WIDTH = 320


class ImageThumbnails:
    """Small renditions of a model's image, for the list and the change form."""

    @admin.display(description=_("image"))
    def thumbnail(self, obj):
        renditions = obj.renditions
        if not renditions:
            return ""
        small = renditions.thumbnail
        return format_html(
            '<img src="{}" width="80" height="{}" alt="" loading="lazy">',
            small.url,
            max(1, round(80 * small.height / small.width)),
        )

    @admin.display(description=_("current image"))
    def image_preview(self, obj):
        renditions = obj.renditions if obj else None
        if not renditions:
            return _("No image yet.")
        small = renditions.webp[min(1, len(renditions.webp) - 1)]
        # At most 320 pixels wide, by its attributes: the admin's policy allows no inline style.
        width = min(PREVIEW_WIDTH, small.width)
        return format_html(
            '<img src="{}" width="{}" height="{}" alt=""><br><span class="help">{} × {}</span>',
            small.url,
            width,
            max(1, round(width * small.height / small.width)),
            obj.image_width,
            obj.image_height,
        )
