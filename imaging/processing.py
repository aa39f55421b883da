"""Clean originals: upright, sRGB, and nothing but pixels.

An upload is decoded and encoded again, so only its picture reaches storage: EXIF (GPS
included), XMP, IPTC, comments, colour profiles and anything hidden after the image stay
behind. The photographer and copyright are read first, so the credit is not lost with them.
"""

import contextlib
import hashlib
import html
import io
import re
from dataclasses import dataclass
from functools import cache

from PIL import ExifTags, Image, ImageCms, ImageOps, IptcImagePlugin

from .validators import check_bytes, decode, open_image

# What each accepted format is stored as. A GIF becomes a PNG of its first frame: we
# publish photographs, not animations, and PNG keeps every colour of that frame.
STORED_AS = {"JPEG": "JPEG", "MPO": "JPEG", "PNG": "PNG", "WEBP": "WEBP", "GIF": "PNG"}
EXTENSIONS = {"JPEG": ".jpg", "PNG": ".png", "WEBP": ".webp"}
SAVE_OPTIONS = {"JPEG": {"quality": 90}, "PNG": {}, "WEBP": {"quality": 90}}
CREDIT_LENGTH = 200


@dataclass(frozen=True)
class Credit:
    credit: str = ""
    copyright: str = ""


@dataclass
class CleanImage:
    image: Image.Image  # decoded, upright, RGB(A) or L(A), no metadata: renditions start here
    content: bytes  # the clean original, ready to store
    extension: str
    upload_sha256: str
    sha256: str
    credit: Credit

    @property
    def hashes(self):
        return [self.upload_sha256, self.sha256]

    def take_image(self):
        """Hand the pixels over, so a 24-megapixel image is freed once it is resized."""
        image, self.image = self.image, None
        return image


def clean_image(data: bytes) -> CleanImage:
    """Check, decode and clean an uploaded image (raises ValidationError when refused)."""
    check_bytes(len(data))
    image = open_image(io.BytesIO(data))
    decode(image)
    credit = read_credit(image)
    source_format = image.format
    # Unreadable EXIF says nothing about which way is up: leave the picture as it is.
    with contextlib.suppress(Exception):
        ImageOps.exif_transpose(image, in_place=True)
    image = _to_srgb(image)
    image.info = {}  # some encoders copy what they find here (comments, ICC) into the file
    stored_as = STORED_AS[source_format]
    options = SAVE_OPTIONS[stored_as]
    if image.format == "JPEG":
        # Still the decoded JPEG (not converted): its own quantisation tables re-encode it
        # with the least generation loss.
        options = {"quality": "keep", "subsampling": "keep"}
    buffer = io.BytesIO()
    image.save(buffer, stored_as, **options)
    content = buffer.getvalue()
    return CleanImage(
        image=image,
        content=content,
        extension=EXTENSIONS[stored_as],
        upload_sha256=hashlib.sha256(data).hexdigest(),
        sha256=hashlib.sha256(content).hexdigest(),
        credit=credit,
    )


@cache
def _srgb():
    return ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB"))


def _has_alpha(image):
    return image.mode in ("RGBA", "LA", "PA", "RGBa", "La") or "transparency" in image.info


def _to_srgb(image):
    """Convert to sRGB by the embedded profile; otherwise to a mode browsers all show."""
    target = "RGBA" if _has_alpha(image) else "RGB"
    icc = image.info.get("icc_profile")
    if icc:
        try:
            profile = ImageCms.ImageCmsProfile(io.BytesIO(icc))
            is_srgb = "srgb" in ImageCms.getProfileDescription(profile).lower()
            if not (is_srgb and image.mode in ("RGB", "RGBA", "L", "LA")):
                return ImageCms.profileToProfile(image, profile, _srgb(), outputMode=target)
        except (ImageCms.PyCMSError, OSError, ValueError, TypeError):
            pass  # a broken profile: fall back to the plain conversion below
    if image.mode in ("RGB", "RGBA", "L", "LA"):
        return image
    if image.mode.startswith("I"):  # 16-bit greyscale PNG: scale to 8 bits, do not clip
        return image.convert("I").point(lambda value: value / 256).convert("L")
    return image.convert(target)


def read_credit(image) -> Credit:
    """The photographer (and agency) and copyright from EXIF, IPTC or XMP, in that order."""
    try:
        exif = image.getexif()
        iptc = IptcImagePlugin.getiptcinfo(image) or {}
    except Exception:  # malformed metadata is no reason to refuse a photo
        exif, iptc = {}, {}
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or ""
    if isinstance(xmp, bytes):
        xmp = xmp.decode("utf-8", "replace")
    creator = (
        _text(exif.get(ExifTags.Base.Artist))
        or _text(iptc.get((2, 80)))  # By-line
        or _xmp(xmp, "dc:creator")
    )
    agency = _text(iptc.get((2, 110))) or _xmp(xmp, "photoshop:Credit")  # Credit line
    copyright = (
        _text(exif.get(ExifTags.Base.Copyright))
        or _text(iptc.get((2, 116)))  # Copyright Notice
        or _xmp(xmp, "dc:rights")
    )
    # "Photographer/Agency", as the credit field asks, without saying a name twice.
    credit = "/".join(dict.fromkeys(part for part in (creator, agency) if part))
    return Credit(credit=credit[:CREDIT_LENGTH], copyright=copyright[:CREDIT_LENGTH])


def _text(value):
    if isinstance(value, list):  # IPTC repeats a field for each person
        value = b", ".join(value) if value and isinstance(value[0], bytes) else ", ".join(value)
    if isinstance(value, bytes):
        value = value.decode("utf-8", "replace")
    if not isinstance(value, str):
        return ""
    return " ".join(value.replace("\x00", " ").split())


def _xmp(packet, tag):
    """The first value of an XMP property, without an XML parser meeting hostile input."""
    match = re.search(rf"<{tag}\b[^>]*>(.*?)</{tag}>", packet, re.DOTALL)
    if match:
        inner = match.group(1)
        item = re.search(r"<rdf:li\b[^>]*>([^<]*)<", inner)
        value = item.group(1) if item else re.sub(r"<[^>]*>", " ", inner)
    else:
        match = re.search(rf'\b{tag}="([^"]*)"', packet)
        value = match.group(1) if match else ""
    return _text(html.unescape(value))
