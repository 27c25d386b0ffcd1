"""
The demo articles' illustrations, painted with Pillow rather than shipped as
files: each is a gradient and a motif in a palette named in demo/content.py,
laid out by a random generator seeded with the article's key, so the same
article always gets the same picture and the repository holds no binaries.
"""

import hashlib
import io
import math
import random

from PIL import Image, ImageDraw

from demo.content import PALETTES

# The painters below work in 1600×900 pixels; the stored picture is IMAGE_SIZE.
CANVAS = (1600, 900)
IMAGE_SIZE = CANVAS


def draw_illustration(key: str, motif: str, palette: str, size: tuple[int, int] | None = None) -> bytes:
    """
    An original abstract JPEG for one article: a gradient and the named motif
    in the named palette, laid out by a random generator seeded with ``key``,
    so the same article always gets the same picture. The motifs are drawn on
    a 1600×900 canvas, scaled to ``size`` (IMAGE_SIZE by default).
    """
    rng = random.Random(hashlib.sha256(key.encode()).digest())
    colours = PALETTES[palette]
    top, bottom = colours["background"]
    mask = Image.linear_gradient("L").resize(CANVAS)
    picture = Image.composite(Image.new("RGB", CANVAS, bottom), Image.new("RGB", CANVAS, top), mask)
    draw = ImageDraw.Draw(picture, "RGBA")
    MOTIF_PAINTERS[motif](draw, rng, CANVAS, colours["shapes"])
    size = size or IMAGE_SIZE
    if size != CANVAS:
        picture = picture.resize(size, Image.Resampling.LANCZOS)
    buffer = io.BytesIO()
    picture.save(buffer, "JPEG", quality=88)
    return buffer.getvalue()


def _rgba(colour: tuple[int, int, int], alpha: int) -> tuple[int, int, int, int]:
    return (*colour, alpha)


def _waves(draw, rng, size, shapes):
    width, height = size
    rows = rng.randint(5, 8)
    for row in range(rows):
        base = height * (0.3 + 0.7 * row / rows)
        amplitude = rng.uniform(20, 60)
        wavelength = rng.uniform(300, 700)
        phase = rng.uniform(0, math.tau)
        crest = [(x, base + amplitude * math.sin(x / wavelength * math.tau + phase)) for x in range(0, width + 20, 20)]
        draw.polygon(
            [*crest, (width, height), (0, height)], fill=_rgba(shapes[row % len(shapes)], rng.randint(90, 150))
        )


def _rails(draw, rng, size, shapes):
    width, height = size
    horizon = height * rng.uniform(0.3, 0.42)
    vanishing = width * rng.uniform(0.35, 0.65)
    ridge = [
        (x, horizon - 60 - 50 * math.sin(x / width * math.pi * rng.uniform(1, 3))) for x in range(0, width + 40, 40)
    ]
    draw.polygon([*ridge, (width, horizon), (0, horizon)], fill=_rgba(shapes[2], 140))
    draw.rectangle((0, horizon, width, height), fill=_rgba(shapes[3], 60))
    gauge = width * 0.18
    for side in (-1, 1):
        draw.line([(vanishing, horizon), (width / 2 + side * gauge, height)], fill=_rgba(shapes[1], 230), width=10)
    # Sleepers, closer together towards the horizon.
    for step in range(1, 30):
        t = (step / 30) ** 2
        y = horizon + (height - horizon) * t
        half = gauge * t * 1.35
        centre = vanishing + (width / 2 - vanishing) * t
        draw.line([(centre - half, y), (centre + half, y)], fill=_rgba(shapes[0], 200), width=max(2, int(14 * t)))
    draw.ellipse(_circle(vanishing, horizon - 40, 70), fill=_rgba(shapes[0], 180))


def _sun(draw, rng, size, shapes):
    width, height = size
    cx, cy, radius = width * rng.uniform(0.3, 0.7), height * rng.uniform(0.32, 0.45), rng.uniform(150, 220)
    for ray in range(24):
        angle = ray / 24 * math.tau + rng.uniform(-0.05, 0.05)
        reach = radius * rng.uniform(1.5, 2.4)
        spread = 0.05
        draw.polygon(
            [
                (cx, cy),
                (cx + reach * math.cos(angle - spread), cy + reach * math.sin(angle - spread)),
                (cx + reach * math.cos(angle + spread), cy + reach * math.sin(angle + spread)),
            ],
            fill=_rgba(shapes[2], 110),
        )
    draw.ellipse(_circle(cx, cy, radius), fill=_rgba(shapes[0], 240))
    ground = height * 0.7
    for band in range(6):
        y = ground + band * (height - ground) / 6
        draw.rectangle((0, y, width, y + (height - ground) / 12), fill=_rgba(shapes[band % 2 + 1], 170))


def _grid(draw, rng, size, shapes):
    width, height = size
    cell, gap = rng.choice([(70, 14), (90, 18), (110, 20)])
    columns, rows = width // cell, height // cell
    left, top = (width - columns * cell) / 2, (height - rows * cell) / 2
    for column in range(columns):
        for row in range(rows):
            if rng.random() < 0.2:
                continue
            lit = rng.random() < 0.12
            colour = shapes[0] if lit else shapes[rng.randint(1, len(shapes) - 1)]
            x, y = left + column * cell, top + row * cell
            draw.rectangle(
                (x, y, x + cell - gap, y + cell - gap), fill=_rgba(colour, 235 if lit else rng.randint(40, 110))
            )


def _dots(draw, rng, size, shapes):
    width, height = size
    for cluster in range(rng.randint(4, 6)):
        cx, cy = rng.uniform(0.1, 0.9) * width, rng.uniform(0.2, 0.8) * height
        colour = shapes[cluster % len(shapes)]
        draw.line([(cx, cy - 160), (cx + rng.uniform(-40, 40), cy - 230)], fill=_rgba(shapes[2], 200), width=8)
        for _berry in range(rng.randint(18, 30)):
            # A bunch narrows downwards.
            dy = abs(rng.gauss(0, 90))
            dx = rng.gauss(0, max(20, 90 - dy / 3))
            draw.ellipse(
                _circle(cx + dx, cy - 120 + dy, rng.uniform(22, 40)), fill=_rgba(colour, rng.randint(130, 210))
            )


def _columns(draw, rng, size, shapes):
    width, height = size
    columns = rng.randint(4, 6)
    margin, gutter = 90, 36
    column_width = (width - 2 * margin - gutter * (columns - 1)) / columns
    for column in range(columns):
        x = margin + column * (column_width + gutter)
        y = margin
        while y < height - margin:
            block = rng.choice([18, 18, 18, 60, 140])
            block = min(block, height - margin - y)
            colour = shapes[0] if block > 100 else shapes[rng.randint(1, len(shapes) - 1)]
            shorter = 0 if block > 20 else rng.choice([0, 0, column_width * 0.3])
            draw.rectangle(
                (x, y, x + column_width - shorter, y + block), fill=_rgba(colour, 200 if block > 100 else 120)
            )
            y += block + 14


def _arcs(draw, rng, size, shapes):
    width, height = size
    left, right = width * rng.uniform(0.1, 0.2), width * rng.uniform(0.8, 0.9)
    ground = height * rng.uniform(0.72, 0.82)
    for arc in range(rng.randint(7, 11)):
        rise = rng.uniform(150, ground - 60)
        draw.arc(
            (left, ground - rise, right, ground + rise),
            180,
            360,
            fill=_rgba(shapes[arc % len(shapes)], 170),
            width=rng.randint(4, 12),
        )
    for x in (left, right):
        draw.ellipse(_circle(x, ground, 38), fill=_rgba(shapes[0], 240))
    draw.line([(0, ground), (width, ground)], fill=_rgba(shapes[2], 160), width=4)


def _hills(draw, rng, size, shapes):
    width, height = size
    draw.ellipse(
        _circle(width * rng.uniform(0.2, 0.8), height * 0.35, rng.uniform(90, 140)), fill=_rgba(shapes[3], 220)
    )
    for layer in range(5):
        base = height * (0.45 + layer * 0.11)
        waves = [(rng.uniform(0.5, 2.5), rng.uniform(0, math.tau), rng.uniform(20, 70)) for _ in range(3)]
        ridge = [
            (x, base - sum(a * math.sin(x / width * math.tau * f + p) for f, p, a in waves))
            for x in range(0, width + 20, 20)
        ]
        draw.polygon([*ridge, (width, height), (0, height)], fill=_rgba(shapes[layer % 3], 150 + layer * 20))


def _bars(draw, rng, size, shapes):
    width, height = size
    bars = rng.randint(9, 14)
    margin = 100
    slot = (width - 2 * margin) / bars
    level = rng.uniform(0.15, 0.3)
    for bar in range(bars):
        level = min(0.85, max(0.1, level + rng.uniform(-0.05, 0.12)))
        x = margin + bar * slot
        top = height - margin - level * (height - 2 * margin)
        draw.rectangle((x + slot * 0.15, top, x + slot * 0.85, height - margin), fill=_rgba(shapes[bar % 2], 215))
    draw.line(
        [(margin / 2, height - margin), (width - margin / 2, height - margin)], fill=_rgba(shapes[2], 255), width=6
    )
    for line in range(1, 4):
        y = height - margin - line * (height - 2 * margin) / 4
        draw.line([(margin / 2, y), (width - margin / 2, y)], fill=_rgba(shapes[3], 90), width=2)


def _canals(draw, rng, size, shapes):
    width, height = size
    x = width * rng.uniform(0.3, 0.5)
    trunk = []
    for y in range(-20, height + 60, 60):
        x += rng.uniform(-40, 40)
        trunk.append((x, y))
    draw.line(trunk, fill=_rgba(shapes[0], 230), width=14, joint="curve")
    for x0, y0 in trunk[1:-1]:
        for side in (-1, 1):
            if rng.random() < 0.35:
                continue
            points, (x, y) = [(x0, y0)], (x0, y0)
            for _step in range(rng.randint(4, 9)):
                x += side * rng.uniform(40, 110)
                y += rng.uniform(-25, 45)
                points.append((x, y))
            draw.line(points, fill=_rgba(shapes[1], 190), width=5, joint="curve")
            draw.ellipse(_circle(*points[-1], 9), fill=_rgba(shapes[3], 230))
            draw.ellipse(_circle(x0, y0, 12), fill=_rgba(shapes[2], 230))


def _circle(x: float, y: float, radius: float) -> tuple[float, float, float, float]:
    return (x - radius, y - radius, x + radius, y + radius)


MOTIF_PAINTERS = {
    "waves": _waves,
    "rails": _rails,
    "sun": _sun,
    "grid": _grid,
    "dots": _dots,
    "columns": _columns,
    "arcs": _arcs,
    "hills": _hills,
    "bars": _bars,
    "canals": _canals,
}
