"""Upload checks: what the bytes are, never what the file name or the browser says.

Everything here runs before anything is stored, and every refusal is a ValidationError
with a message an editor can act on.
"""

import io
import warnings

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models.fields.files import FieldFile
from django.template.defaultfilters import filesizeformat
from PIL import Image

# The only decoders Pillow may try on an upload. A camera JPEG carrying extra pictures
# (previews, depth maps) opens as "MPO": it is a JPEG to everyone else.
FORMATS = ("JPEG", "PNG", "WEBP", "GIF")

NOT_AN_IMAGE = (
    "Upload a photo in JPEG, PNG, WebP or GIF format. This file is not one, whatever its name."
)
DAMAGED = "This image is damaged or incomplete. Export it again and upload the new file."

# What Pillow raises on opening an image of more pixels than it allows (past twice its
# limit; the warning, between the limit and twice it, where warnings are errors).
DECOMPRESSION_BOMB = (Image.DecompressionBombError, Image.DecompressionBombWarning)


def validate_image(value):
    """Model field validator: a sound JPEG, PNG, WebP or GIF within the size limits."""
    if isinstance(value, FieldFile) and value._committed:
        return  # stored already, so checked when it arrived: no need to fetch it again
    check_bytes(value.size)
    value.seek(0)
    # A copy in memory (size checked above): Pillow closes a file it has finished reading.
    image = open_image(io.BytesIO(value.read()))
    value.seek(0)
    decode(image, fast=True)


def check_bytes(size):
    if size > settings.IMAGE_MAX_BYTES:
        raise ValidationError(
            "This file is %(size)s; images may be at most %(limit)s.",
            code="image_too_large",
            params={
                "size": filesizeformat(size),
                "limit": filesizeformat(settings.IMAGE_MAX_BYTES),
            },
        )


def too_many_pixels():
    return ValidationError(
        "This image has too many pixels; images may be at most %(limit)s megapixels.",
        code="image_too_many_pixels",
        params={"limit": f"{settings.IMAGE_MAX_PIXELS / 1_000_000:g}"},
    )


def open_image(file):
    """Read the header only, refusing other formats and oversized or bomb images."""
    file.seek(0)
    try:
        with warnings.catch_warnings():
            # Between the limit and twice the limit Pillow only warns: stop there too.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            image = Image.open(file, formats=FORMATS)
    except DECOMPRESSION_BOMB as exc:
        raise too_many_pixels() from exc
    except Exception as exc:  # UnidentifiedImageError, or whatever a malformed header raises
        raise ValidationError(NOT_AN_IMAGE, code="not_an_image") from exc
    if image.width * image.height > settings.IMAGE_MAX_PIXELS:
        image.close()
        raise too_many_pixels()
    return image


def decode(image, *, fast=False):
    """Decode the pixels, which is what finds a truncated or corrupt file.

    `fast` lets a JPEG decode at an eighth of its size: every byte is still read and
    checked, at a fraction of the time and memory.
    """
    if fast and image.format in ("JPEG", "MPO"):
        image.draft(None, (image.width // 8, image.height // 8))
    try:
        image.load()
    except Exception as exc:  # Pillow raises many kinds of error on hostile input
        raise ValidationError(DAMAGED, code="image_damaged") from exc
