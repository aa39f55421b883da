"""Abstract illustrations for the demo content, drawn with Pillow.

Nothing here imitates a photograph: flat shapes on a gradient, in one of the palettes
below, so pages show real image sizes and crops without shipping anyone's pictures.
Every drawing comes back with a plain description of itself, used as honest alt text.
A story names its picture by key, `<palette>-<number>` ("politics-2"), so stories can
share one: the demo keeps a small pool of drawings rather than one per story.
"""

import io
import random
from dataclasses import dataclass

from PIL import Image, ImageColor, ImageDraw, ImageFont, ImageOps

LEAD_SIZE = (1600, 900)
AVATAR_SIZE = 400
JPEG_QUALITY = 82
# Shapes are drawn at twice the size and halved: Pillow does not anti-alias ellipses.
SUPERSAMPLE = 2


@dataclass(frozen=True)
class Palette:
    dark: str
    light: str
    accents: tuple[str, str, str]
    words: str  # the colours in words, for the alt text
    favourite: str  # the composition this section leans towards


PALETTES = {
    "politics": Palette(
        "#16213d",
        "#3b4f7d",
        ("#c8102e", "#f2e8d5", "#8fa6cf"),
        "navy, red and cream",
        "bands",
    ),
    "economy": Palette(
        "#0f3b2e",
        "#2f6f57",
        ("#e0b44c", "#bfe3cf", "#f7f3e3"),
        "deep green, gold and mint",
        "bars",
    ),
    "world": Palette(
        "#102a43",
        "#2f6690",
        ("#f0a35e", "#d9ed92", "#9cc5e0"),
        "ocean blue, amber and lime",
        "rings",
    ),
    "climate": Palette(
        "#0b3d3a",
        "#3f8f7a",
        ("#f4d35e", "#ee964b", "#faf0ca"),
        "teal, yellow and orange",
        "horizon",
    ),
    "health": Palette(
        "#1b3a4b",
        "#4f8fa8",
        ("#f1faee", "#e76f51", "#a8dadc"),
        "slate blue, coral and aqua",
        "grid",
    ),
    "science": Palette(
        "#1a1033",
        "#47307a",
        ("#64dfdf", "#f72585", "#e0d7ff"),
        "indigo, cyan and magenta",
        "rings",
    ),
    "technology": Palette(
        "#0d1b2a",
        "#1b4965",
        ("#5fa8d3", "#ff9f1c", "#cae9ff"),
        "midnight blue, sky and orange",
        "grid",
    ),
    "culture": Palette(
        "#4a1942",
        "#893168",
        ("#f6c28b", "#ffd6e0", "#2e86ab"),
        "plum, peach and blue",
        "circles",
    ),
    "sport": Palette(
        "#7a1f1f",
        "#c0392b",
        ("#ffd166", "#f8f9fa", "#073b4c"),
        "brick red, yellow and white",
        "bands",
    ),
    "education": Palette(
        "#2d3142",
        "#4f5d75",
        ("#ef8354", "#bfc0c0", "#ffffff"),
        "slate grey, orange and silver",
        "grid",
    ),
    "business": Palette(
        "#1f2326",
        "#3d4a5c",
        ("#2ec4b6", "#e9c46a", "#f1faee"),
        "charcoal, teal and gold",
        "bars",
    ),
    "opinion": Palette(
        "#3c2f2f",
        "#6b4f4f",
        ("#f3d9b1", "#c97b63", "#9fb8ad"),
        "warm brown, sand and terracotta",
        "circles",
    ),
}
DEFAULT_PALETTE = PALETTES["politics"]


def _rgba(colour: str, alpha: int) -> tuple[int, int, int, int]:
    return (*ImageColor.getrgb(colour)[:3], alpha)


def _gradient(size, dark: str, light: str, diagonal: bool) -> Image.Image:
    """A two-colour gradient; averaging two ramps gives the diagonal one cheaply."""
    ramp = Image.linear_gradient("L")
    if diagonal:
        ramp = Image.blend(ramp, ramp.transpose(Image.Transpose.ROTATE_90), 0.5)
        ramp = ImageOps.autocontrast(ramp)
    # Coloured while small, then enlarged: the same picture for a fraction of the work.
    return ImageOps.colorize(ramp, dark, light).resize(size, Image.Resampling.BILINEAR)


# Each composition draws onto an RGBA-blending canvas and says what it drew.


def _circles(draw, rng, palette, width, height):
    for _ in range(rng.randint(5, 9)):
        radius = rng.uniform(0.12, 0.38) * height
        x, y = rng.uniform(0, width), rng.uniform(0, height)
        colour = _rgba(rng.choice(palette.accents), rng.randint(90, 180))
        draw.ellipse((x - radius, y - radius, x + radius, y + radius), fill=colour)
    return "overlapping translucent circles"


def _bands(draw, rng, palette, width, height):
    skew = rng.uniform(0.3, 0.7) * height * rng.choice((-1, 1))
    x = rng.uniform(-0.2, 0.1) * width
    while x < width * 1.2:
        band = rng.uniform(0.04, 0.16) * width
        colour = _rgba(rng.choice(palette.accents), rng.randint(70, 200))
        draw.polygon([(x, 0), (x + band, 0), (x + band - skew, height), (x - skew, height)], colour)
        x += band + rng.uniform(0.02, 0.12) * width
    return "diagonal bands of colour"


def _bars(draw, rng, palette, width, height):
    count = rng.randint(8, 14)
    slot = width * 0.8 / count
    base = height * 0.85
    level = rng.uniform(0.2, 0.35)
    for index in range(count):
        level = min(0.75, max(0.1, level + rng.uniform(-0.08, 0.12)))
        left = width * 0.1 + index * slot
        colour = palette.accents[0] if index == count - 1 else palette.accents[2]
        draw.rectangle((left, base - level * height, left + slot * 0.7, base), _rgba(colour, 220))
    draw.line((width * 0.08, base, width * 0.92, base), _rgba(palette.accents[1], 255), 6)
    return "a row of vertical bars like a chart, the last in a contrasting colour"


def _horizon(draw, rng, palette, width, height):
    sun_x, sun_r = rng.uniform(0.2, 0.8) * width, rng.uniform(0.12, 0.2) * height
    sun_y = rng.uniform(0.25, 0.4) * height
    draw.ellipse(
        (sun_x - sun_r, sun_y - sun_r, sun_x + sun_r, sun_y + sun_r),
        _rgba(palette.accents[0], 235),
    )
    for layer in range(4):
        top = height * (0.5 + 0.11 * layer)
        step = width / 8
        points = [(i * step, top + rng.uniform(-0.08, 0.08) * height) for i in range(9)]
        colour = _rgba(palette.dark, 120 + 40 * layer) if layer else _rgba(palette.accents[1], 150)
        draw.polygon([(0, height), *points, (width, height)], colour)
    return "layered hills beneath a large round sun"


def _grid(draw, rng, palette, width, height):
    cell = height / rng.randint(7, 10)
    gap = cell * 0.18
    for row in range(int(height / cell) + 1):
        for column in range(int(width / cell) + 1):
            box = (column * cell + gap, row * cell + gap, (column + 1) * cell, (row + 1) * cell)
            if rng.random() < 0.12:
                draw.rectangle(box, _rgba(rng.choice(palette.accents[:2]), 230))
            else:
                draw.rectangle(box, _rgba(palette.accents[2], 28))
    return "a grid of small squares with a few picked out in colour"


def _rings(draw, rng, palette, width, height):
    x, y = rng.uniform(0.25, 0.75) * width, rng.uniform(0.3, 0.7) * height
    stroke = int(height * rng.uniform(0.025, 0.045))
    radius = height * 1.1
    colours = palette.accents
    index = 0
    while radius > stroke:
        outline = _rgba(colours[index % len(colours)], 170)
        box = (x - radius, y - radius, x + radius, y + radius)
        draw.ellipse(box, outline=outline, width=stroke)
        radius -= stroke * rng.uniform(2.2, 3.4)
        index += 1
    return "concentric rings set off-centre"


COMPOSITIONS = {
    "circles": _circles,
    "bands": _bands,
    "bars": _bars,
    "horizon": _horizon,
    "grid": _grid,
    "rings": _rings,
}


def lead_image(seed: str, section: str) -> tuple[bytes, str]:
    """A 1600×900 JPEG for a story, and its alt text. The same seed draws the same picture."""
    rng = random.Random(seed)
    palette = PALETTES.get(section, DEFAULT_PALETTE)
    name = palette.favourite if rng.random() < 0.5 else rng.choice(sorted(COMPOSITIONS))
    width, height = LEAD_SIZE[0] * SUPERSAMPLE, LEAD_SIZE[1] * SUPERSAMPLE
    canvas = _gradient((width, height), palette.dark, palette.light, rng.random() < 0.5)
    drew = COMPOSITIONS[name](ImageDraw.Draw(canvas, "RGBA"), rng, palette, width, height)
    buffer = io.BytesIO()
    canvas.reduce(SUPERSAMPLE).save(buffer, "JPEG", quality=JPEG_QUALITY, optimize=True)
    return buffer.getvalue(), f"Abstract illustration in {palette.words}: {drew}."


def photo(key: str) -> tuple[bytes, str]:
    """The drawing a photo key names ("economy-2": the economy palette, second drawing)."""
    palette, _number = key.rsplit("-", 1)
    return lead_image(key, palette)


def _font(size: int) -> ImageFont.ImageFont | ImageFont.FreeTypeFont:
    try:
        return ImageFont.load_default(size=size)
    except (TypeError, ImportError):  # Pillow built without FreeType: small bitmap font
        return ImageFont.load_default()


def avatar(initials: str, colour: str) -> bytes:
    """A square PNG portrait placeholder: initials on a colour field with a soft disc."""
    size = AVATAR_SIZE * SUPERSAMPLE
    image = Image.new("RGB", (size, size), colour)
    draw = ImageDraw.Draw(image, "RGBA")
    inset = size * 0.1
    draw.ellipse((inset, inset, size - inset, size - inset), fill=(255, 255, 255, 38))
    draw.text(
        (size / 2, size / 2),
        initials,
        font=_font(int(size * 0.4)),
        fill=(255, 255, 255, 245),
        anchor="mm",
    )
    buffer = io.BytesIO()
    image.reduce(SUPERSAMPLE).save(buffer, "PNG", optimize=True)
    return buffer.getvalue()
