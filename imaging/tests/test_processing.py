import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from PIL import Image, ImageCms

from imaging.models import PhotoCredit
from imaging.processing import clean_image, read_credit
from imaging.tests.factories import (
    encode,
    exif_with,
    image_bytes,
    two_halves,
    upload,
    with_iptc_byline,
)
from imaging.tests.testapp.models import Photo, Portrait

pytestmark = pytest.mark.django_db

XMP = b"""<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"
  xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/" photoshop:Credit="Northern Wire">
<dc:creator><rdf:Seq><rdf:li>Sam O&apos;Neill</rdf:li></rdf:Seq></dc:creator>
<dc:rights><rdf:Alt>
  <rdf:li xml:lang="x-default">&#169; 2024 Sam O&apos;Neill</rdf:li>
</rdf:Alt></dc:rights>
</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>"""


def opened(name):
    """An image as storage holds it, read back through the storage API."""
    with default_storage.open(name) as file:
        data = file.read()
    image = Image.open(io.BytesIO(data))
    image.load()
    return image, data


def all_stored(photo):
    names = [photo.image.name]
    for fmt in ("avif", "webp", "jpeg"):
        names += [item["name"] for item in photo.renditions.get(fmt, [])]
    return names


def test_gps_and_exif_do_not_survive_in_the_original_or_any_rendition():
    data = image_bytes("JPEG", (1400, 900), exif=exif_with(artist="Jo Field", gps=True), xmp=XMP)
    photo = Photo.objects.create(image=upload(data))

    names = all_stored(photo)
    assert len(names) > 10
    for name in names:
        image, data = opened(name)
        assert not image.getexif(), name
        assert not {"exif", "xmp", "photoshop", "icc_profile", "comment"} & set(image.info), name
        for trace in (b"Exif", b"GPS", b"xpacket"):
            assert trace not in data, name


def test_exif_orientation_is_applied_to_the_stored_image():
    # Orientation 6: the camera was turned a quarter clockwise; the left edge is the top.
    data = encode(two_halves((400, 200)), "JPEG", exif=exif_with(orientation=6))
    photo = Photo.objects.create(image=upload(data))

    image, _ = opened(photo.image.name)
    assert image.size == (200, 400)
    assert (photo.width, photo.height) == (200, 400)
    red, blue = image.getpixel((100, 50)), image.getpixel((100, 350))
    assert red[0] > 200
    assert red[2] < 60
    assert blue[2] > 200
    assert blue[0] < 60
    assert photo.renditions["jpeg"][-1] == {
        "width": 200,
        "height": 400,
        "name": photo.renditions["jpeg"][-1]["name"],
    }


def test_an_empty_credit_is_filled_from_exif_artist():
    data = image_bytes("JPEG", exif=exif_with(artist="Jo Field", copyright="© Jo Field 2024"))
    photo = Photo.objects.create(image=upload(data), credit="")

    assert photo.credit == "Jo Field"
    assert Photo.objects.get().credit == "Jo Field"


def test_the_editors_credit_is_kept():
    data = image_bytes("JPEG", exif=exif_with(artist="Jo Field"))
    photo = Photo.objects.create(image=upload(data), credit="Pool photo")

    assert photo.credit == "Pool photo"


def test_credit_and_agency_come_from_xmp():
    credit = read_credit(Image.open(io.BytesIO(image_bytes("JPEG", xmp=XMP))))

    assert credit.credit == "Sam O'Neill/Northern Wire"
    assert credit.copyright == "© 2024 Sam O'Neill"


def test_credit_comes_from_an_iptc_byline():
    data = with_iptc_byline(image_bytes("JPEG"), "Ana Díaz")
    photo = Photo.objects.create(image=upload(data))

    assert photo.credit == "Ana Díaz"


def test_copyright_fills_the_credit_when_nobody_is_named():
    data = image_bytes("JPEG", exif=exif_with(copyright="Northern Wire"))

    assert Photo.objects.create(image=upload(data)).credit == "Northern Wire"


def test_a_photos_credit_travels_with_the_photo():
    data = image_bytes("JPEG", (900, 600), color="#8a5a2b")  # no metadata at all
    Photo.objects.create(image=upload(data), credit="Kim Lee/Northern Wire")

    again = Photo.objects.create(image=upload(data, "same.jpg"), credit="")

    assert again.credit == "Kim Lee/Northern Wire"


def test_the_stored_copy_brings_the_credit_too():
    first = Photo.objects.create(image=upload(image_bytes("JPEG")), credit="Kim Lee")
    with default_storage.open(first.image.name) as file:
        downloaded = file.read()  # the clean file the site serves, saved and uploaded again

    again = Photo.objects.create(image=upload(downloaded))

    assert again.credit == "Kim Lee"


def test_a_credit_added_later_follows_the_photo():
    data = image_bytes("JPEG", color="#225522")
    photo = Photo.objects.create(image=upload(data))
    assert photo.credit == ""

    photo.credit = "Ravi Patel"
    photo.save()

    assert set(PhotoCredit.objects.values_list("credit", flat=True)) == {"Ravi Patel"}
    again = Photo.objects.create(image=upload(data))
    assert again.credit == "Ravi Patel"


def test_a_partial_save_leaves_the_image_and_its_credit_alone():
    data = image_bytes("JPEG", color="#552222")
    photo = Photo.objects.create(image=upload(data), credit="Kim Lee")
    renditions = photo.renditions

    photo.credit = "Someone else"
    photo.title = "Renamed"
    photo.save(update_fields=["title", "credit"])  # the image field is not among them

    assert Photo.objects.get().renditions == renditions
    assert set(PhotoCredit.objects.values_list("credit", flat=True)) == {"Kim Lee"}


def test_a_cmyk_jpeg_is_stored_as_rgb():
    photo = Photo.objects.create(image=upload(image_bytes("JPEG", mode="CMYK", color=(0, 0, 0, 0))))

    image, _ = opened(photo.image.name)
    assert image.mode == "RGB"


def test_an_srgb_profile_is_dropped_after_use():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    photo = Photo.objects.create(image=upload(image_bytes("JPEG", icc_profile=srgb)))

    image, _ = opened(photo.image.name)
    assert "icc_profile" not in image.info


def test_a_gif_is_stored_as_a_png_of_its_first_frame():
    photo = Photo.objects.create(image=upload(image_bytes("GIF", (300, 200)), "chart.gif"))

    assert photo.image.name.endswith("chart.png")
    image, _ = opened(photo.image.name)
    assert (image.format, image.size) == ("PNG", (300, 200))


def test_a_png_keeps_its_transparency():
    photo = Photo.objects.create(
        image=upload(image_bytes("PNG", (300, 200), (255, 0, 0, 0), mode="RGBA"), "logo.png")
    )

    image, _ = opened(photo.image.name)
    assert image.mode == "RGBA"
    assert image.getpixel((0, 0))[3] == 0


def test_a_bad_file_saved_from_code_is_refused_and_nothing_is_stored(media):
    with pytest.raises(ValidationError):
        Photo.objects.create(image=upload(b"GIF89a but not really"))

    assert not media.exists() or not any(media.rglob("*.*"))
    assert not Photo.objects.exists()


def test_clean_image_refuses_what_the_validator_refuses():
    with pytest.raises(ValidationError):
        clean_image(b"<svg/>")


def test_a_square_crop_is_cleaned_too():
    data = image_bytes("JPEG", (500, 400), exif=exif_with(gps=True, orientation=8))
    portrait = Portrait.objects.create(image=upload(data, "me.jpg"))

    image, data = opened(portrait.image.name)
    assert image.size == (400, 500)
    assert (portrait.width, portrait.height) == (400, 500)
    assert not image.getexif()
    assert b"GPS" not in data


def test_a_16_bit_greyscale_png_keeps_its_tones():
    grey = image_bytes("PNG", (300, 200), 30_000, mode="I;16")  # 46 % grey, not white

    photo = Photo.objects.create(image=upload(grey, "scan.png"))

    image, _ = opened(photo.image.name)
    assert image.getpixel((0, 0)) == 117
