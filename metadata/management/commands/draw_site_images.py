"""
Draws the default publisher logo and sharing card into static/metadata/ with
Pillow, from the same mark as static/favicon.svg (an N over a red rule on a
dark square). Run once; the PNGs are committed. A newsroom with a logo of its
own points SITE_PUBLISHER_LOGO and SITE_CARD_IMAGE at its files instead.
"""

from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from PIL import Image, ImageDraw

INK = "#1d1d1f"
ACCENT = "#b3261e"
PAPER = "#f4f1ea"

# The favicon's 32-unit grid: the letter's outline, then the rule under it.
LETTER = [(9, 24), (9, 8), (12, 8), (20, 18.5), (20, 8), (23, 8), (23, 24), (20, 24), (12, 13.5), (12, 24)]
RULE = (9, 26, 23, 28)


def draw_mark(image: Image.Image, left: float, top: float, size: float) -> None:
    """The mark, ``size`` pixels square, with its top left corner at (left, top)."""
    scale = size / 32
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((left, top, left + size - 1, top + size - 1), radius=6 * scale, fill=INK)
    draw.polygon([(left + x * scale, top + y * scale) for x, y in LETTER], fill="white")
    x0, y0, x1, y1 = RULE
    draw.rectangle((left + x0 * scale, top + y0 * scale, left + x1 * scale - 1, top + y1 * scale - 1), fill=ACCENT)


def publisher_logo() -> Image.Image:
    # Search engines ask for at least 112 pixels square.
    image = Image.new("RGBA", (240, 240), (0, 0, 0, 0))
    draw_mark(image, 0, 0, 240)
    return image


def sharing_card() -> Image.Image:
    # 1200 x 630, the shape social networks show large.
    image = Image.new("RGB", (1200, 630), PAPER)
    draw_mark(image, 600 - 160, 315 - 160, 320)
    ImageDraw.Draw(image).rectangle((0, 600, 1199, 629), fill=INK)
    return image


class Command(BaseCommand):
    help = "Draws static/metadata/publisher-logo.png and card.png (the defaults of SITE_PUBLISHER_LOGO and SITE_CARD_IMAGE)."

    def handle(self, *args, **options):
        folder = Path(settings.BASE_DIR) / "static" / "metadata"
        folder.mkdir(parents=True, exist_ok=True)
        for name, image in (("publisher-logo.png", publisher_logo()), ("card.png", sharing_card())):
            # A small palette is all these flat shapes use: the files stay a few kilobytes.
            image.quantize(colors=16).save(folder / name, "PNG", optimize=True)
            self.stdout.write(f"{folder / name}: {image.width} x {image.height}")
