"""Images made in memory with Pillow, for any test that needs a real picture.

Nothing here knows a model: these build bytes and files, and the tests attach them to
whatever holds an image.
"""

import io
import struct
import zlib
from pathlib import Path

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import ExifTags, Image


def image_bytes(fmt="JPEG", size=(480, 320), color="#3b6ea5", *, mode="RGB", **options):
    """An encoded image; `options` go to Pillow's save (exif=…, xmp=…, icc_profile=…)."""
    buffer = io.BytesIO()
    Image.new(mode, size, color).save(buffer, fmt, **options)
    return buffer.getvalue()


def png_file(name="photo.png", size=(12, 8), color="navy"):
    """A tiny real PNG, ready to assign to an ImageField."""
    return ContentFile(image_bytes("PNG", size, color), name=name)


def two_halves(size=(400, 200), left="red", right="blue"):
    """Left half one colour, right half another: shows which way an image was turned."""
    image = Image.new("RGB", size, right)
    image.paste(left, (0, 0, size[0] // 2, size[1]))
    return image


def encode(image, fmt="JPEG", **options):
    buffer = io.BytesIO()
    image.save(buffer, fmt, **options)
    return buffer.getvalue()


def exif_with(*, artist=None, copyright=None, orientation=None, gps=False):
    exif = Image.Exif()
    if artist:
        exif[ExifTags.Base.Artist] = artist
    if copyright:
        exif[ExifTags.Base.Copyright] = copyright
    if orientation:
        exif[ExifTags.Base.Orientation] = orientation
    if gps:  # where the photo was taken: what a source's safety may depend on
        ifd = exif.get_ifd(ExifTags.IFD.GPSInfo)
        ifd[ExifTags.GPS.GPSLatitudeRef] = "N"
        ifd[ExifTags.GPS.GPSLatitude] = (51.0, 30.0, 26.0)
        ifd[ExifTags.GPS.GPSLongitudeRef] = "W"
        ifd[ExifTags.GPS.GPSLongitude] = (0.0, 7.0, 39.0)
    return exif


def with_iptc_byline(jpeg, byline):
    """Insert an IPTC By-line in a Photoshop APP13 segment, as photo desks' tools write it."""
    value = byline.encode()
    record = b"\x1c\x02\x50" + struct.pack(">H", len(value)) + value
    resource = b"8BIM\x04\x04\x00\x00" + struct.pack(">I", len(record)) + record
    resource += b"\x00" * (len(record) % 2)
    payload = b"Photoshop 3.0\x00" + resource
    return jpeg[:2] + b"\xff\xed" + struct.pack(">H", len(payload) + 2) + payload + jpeg[2:]


def png_bomb(width=50_000, height=50_000):
    """A tiny PNG whose header promises width×height pixels: a decompression bomb."""
    png = image_bytes("PNG", (1, 1), mode="1")
    header = b"IHDR" + struct.pack(">II", width, height) + png[24:29]
    return png[:12] + header + struct.pack(">I", zlib.crc32(header)) + png[33:]


def upload(data, name="photo.jpg", content_type="image/jpeg"):
    """`data` as a browser would upload it."""
    return SimpleUploadedFile(name, data, content_type=content_type)


def stored_files(root):
    """Every file under a media root, relative: what storage holds."""
    root = Path(root)
    return sorted(str(path.relative_to(root)) for path in root.rglob("*") if path.is_file())
