"""Renditions: the sizes and formats pages ask for, made once when an image is stored.

They are written through the storage API only (the file system or S3 by configuration)
and described in a JSON field, so a page builds its `<picture>` without touching a file:

    {"avif": [{"width": 320, "height": 213, "name": "renditions/lead/…-320x213.avif"}, …],
     "webp": […], "jpeg": […], "sha256": ["<as uploaded>", "<as stored>"]}
"""

import io
from pathlib import PurePosixPath

from django.core.files.base import ContentFile
from PIL import Image, ImageOps, features

WIDTHS = (320, 640, 960, 1280, 1920)
SQUARES = (96, 192, 384)
# Faces sit above the middle of a portrait: crop squares a little high.
SQUARE_CENTRE = (0.5, 0.4)

# Smallest files first: browsers take the first <source> type they support. The speeds
# were measured (docs/performance.md): AVIF speed 9 takes a third of the CPU of speed 8,
# WebP method 2 half that of method 4 (its default), at the same PSNR and ±5 % in bytes.
ENCODERS = {
    "avif": ("AVIF", {"quality": 60, "speed": 9}),
    "webp": ("WEBP", {"quality": 80, "method": 2}),
    "jpeg": ("JPEG", {"quality": 82, "optimize": True, "progressive": True}),
}
FORMATS = [fmt for fmt in ENCODERS if fmt != "avif" or features.check("avif")]
MIME_TYPES = {"avif": "image/avif", "webp": "image/webp", "jpeg": "image/jpeg"}
EXTENSIONS = {"avif": "avif", "webp": "webp", "jpeg": "jpg"}


def _steps(steps, limit):
    """The steps below the limit, then the limit itself: never larger than the original."""
    top = min(limit, steps[-1])
    return [step for step in steps if step < top] + [top]


def plan(width, height, *, square=False):
    """(width, height) of every rendition, smallest first."""
    if square:
        return [(side, side) for side in _steps(SQUARES, min(width, height))]
    return [(w, max(1, round(height * w / width))) for w in _steps(WIDTHS, width)]


def make_renditions(image, *, name, storage, square=False):
    """Resize and encode `image` (clean, decoded) and store each file beside `name`."""
    if image.mode not in ("RGB", "RGBA"):
        image = image.convert("RGBA" if "A" in image.mode else "RGB")
    sizes = plan(image.width, image.height, square=square)
    if square:
        largest = sizes[-1]
        image = ImageOps.fit(image, largest, Image.Resampling.LANCZOS, centering=SQUARE_CENTRE)
    root = PurePosixPath("renditions") / PurePosixPath(name).with_suffix("")
    renditions = {fmt: [] for fmt in FORMATS}
    # Largest first, each made from the one before: a 6000-pixel photo is resized once,
    # and (the caller holding no other reference) its pixels are freed after that. The
    # reducing gap halves the cost of that first step by box-reducing by a whole factor
    # first, while keeping the final Lanczos step at least 1.5 times: no visible change.
    for size in reversed(sizes):
        if image.size != size:
            image = image.resize(size, Image.Resampling.LANCZOS, reducing_gap=1.5)
        for fmt in FORMATS:
            stored = storage.save(
                f"{root}-{size[0]}x{size[1]}.{EXTENSIONS[fmt]}", ContentFile(encode(image, fmt))
            )
            renditions[fmt].insert(0, {"width": size[0], "height": size[1], "name": stored})
    return renditions


def encode(image, fmt):
    pil_format, options = ENCODERS[fmt]
    if fmt == "jpeg" and image.mode == "RGBA":
        # JPEG has no transparency: flatten onto white, like the page behind it.
        flat = Image.new("RGB", image.size, "white")
        flat.paste(image, mask=image.getchannel("A"))
        image = flat
    buffer = io.BytesIO()
    image.save(buffer, pil_format, **options)
    return buffer.getvalue()


def rendition_names(renditions):
    return [item["name"] for fmt in MIME_TYPES for item in renditions.get(fmt, ())]


def stored_dimensions(image):
    """An image field's width and height from its model's fields: asking the file opens it."""
    field, instance = image.field, image.instance
    width = getattr(instance, field.width_field) if field.width_field else None
    height = getattr(instance, field.height_field) if field.height_field else None
    return width, height
