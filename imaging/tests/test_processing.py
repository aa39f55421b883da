import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from PIL import Image, ImageCms

from articles.models import Article
from articles.tests.factories import make_article
from authors.tests.factories import make_author
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


def all_stored(article):
    names = [article.lead_image.name]
    for fmt in ("avif", "webp", "jpeg"):
        names += [item["name"] for item in article.lead_image_renditions.get(fmt, [])]
    return names


def test_gps_and_exif_do_not_survive_in_the_original_or_any_rendition():
    photo = image_bytes("JPEG", (1400, 900), exif=exif_with(artist="Jo Field", gps=True), xmp=XMP)
    article = make_article(lead_image=upload(photo))

    names = all_stored(article)
    assert len(names) > 10
    for name in names:
        image, data = opened(name)
        assert not image.getexif(), name
        assert not {"exif", "xmp", "photoshop", "icc_profile", "comment"} & set(image.info), name
        for trace in (b"Exif", b"GPS", b"xpacket"):
            assert trace not in data, name


def test_exif_orientation_is_applied_to_the_stored_image():
    # Orientation 6: the camera was turned a quarter clockwise; the left edge is the top.
    photo = encode(two_halves((400, 200)), "JPEG", exif=exif_with(orientation=6))
    article = make_article(lead_image=upload(photo))

    image, _ = opened(article.lead_image.name)
    assert image.size == (200, 400)
    assert (article.lead_image_width, article.lead_image_height) == (200, 400)
    red, blue = image.getpixel((100, 50)), image.getpixel((100, 350))
    assert red[0] > 200
    assert red[2] < 60
    assert blue[2] > 200
    assert blue[0] < 60
    assert article.lead_image_renditions["jpeg"][-1] == {
        "width": 200,
        "height": 400,
        "name": article.lead_image_renditions["jpeg"][-1]["name"],
    }


def test_an_empty_credit_is_filled_from_exif_artist():
    photo = image_bytes("JPEG", exif=exif_with(artist="Jo Field", copyright="© Jo Field 2024"))
    article = make_article(lead_image=upload(photo), lead_image_credit="")

    assert article.lead_image_credit == "Jo Field"
    assert Article.objects.get().lead_image_credit == "Jo Field"


def test_the_editors_credit_is_kept():
    photo = image_bytes("JPEG", exif=exif_with(artist="Jo Field"))
    article = make_article(lead_image=upload(photo), lead_image_credit="Pool photo")

    assert article.lead_image_credit == "Pool photo"


def test_credit_and_agency_come_from_xmp():
    credit = read_credit(Image.open(io.BytesIO(image_bytes("JPEG", xmp=XMP))))

    assert credit.credit == "Sam O'Neill/Northern Wire"
    assert credit.copyright == "© 2024 Sam O'Neill"


def test_credit_comes_from_an_iptc_byline():
    photo = with_iptc_byline(image_bytes("JPEG"), "Ana Díaz")
    article = make_article(lead_image=upload(photo))

    assert article.lead_image_credit == "Ana Díaz"


def test_copyright_fills_the_credit_when_nobody_is_named():
    photo = image_bytes("JPEG", exif=exif_with(copyright="Northern Wire"))

    assert make_article(lead_image=upload(photo)).lead_image_credit == "Northern Wire"


def test_a_photos_credit_travels_with_the_photo():
    photo = image_bytes("JPEG", (900, 600), color="#8a5a2b")  # no metadata at all
    author = make_author()
    make_article(
        lead_image=upload(photo), lead_image_credit="Kim Lee/Northern Wire", authors=[author]
    )

    again = make_article(
        slug="second-story",
        lead_image=upload(photo, "same.jpg"),
        lead_image_credit="",
        authors=[author],
    )

    assert again.lead_image_credit == "Kim Lee/Northern Wire"


def test_the_stored_copy_brings_the_credit_too():
    first = make_article(
        lead_image=upload(image_bytes("JPEG")), lead_image_credit="Kim Lee", authors=[make_author()]
    )
    with default_storage.open(first.lead_image.name) as file:
        downloaded = file.read()  # the clean file the site serves, saved and uploaded again

    again = make_article(slug="again", lead_image=upload(downloaded), authors=[first.byline[0]])

    assert again.lead_image_credit == "Kim Lee"


def test_a_credit_added_later_follows_the_photo():
    photo = image_bytes("JPEG", color="#225522")
    article = make_article(lead_image=upload(photo), authors=[make_author()])
    assert article.lead_image_credit == ""

    article.lead_image_credit = "Ravi Patel"
    article.save()

    assert set(PhotoCredit.objects.values_list("credit", flat=True)) == {"Ravi Patel"}
    again = make_article(slug="again", lead_image=upload(photo), authors=[article.byline[0]])
    assert again.lead_image_credit == "Ravi Patel"


def test_a_cmyk_jpeg_is_stored_as_rgb():
    article = make_article(lead_image=upload(image_bytes("JPEG", mode="CMYK", color=(0, 0, 0, 0))))

    image, _ = opened(article.lead_image.name)
    assert image.mode == "RGB"


def test_an_srgb_profile_is_dropped_after_use():
    srgb = ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes()
    article = make_article(lead_image=upload(image_bytes("JPEG", icc_profile=srgb)))

    image, _ = opened(article.lead_image.name)
    assert "icc_profile" not in image.info


def test_a_gif_is_stored_as_a_png_of_its_first_frame():
    article = make_article(lead_image=upload(image_bytes("GIF", (300, 200)), "chart.gif"))

    assert article.lead_image.name.endswith("chart.png")
    image, _ = opened(article.lead_image.name)
    assert (image.format, image.size) == ("PNG", (300, 200))


def test_a_png_keeps_its_transparency():
    article = make_article(
        lead_image=upload(image_bytes("PNG", (300, 200), (255, 0, 0, 0), mode="RGBA"), "logo.png")
    )

    image, _ = opened(article.lead_image.name)
    assert image.mode == "RGBA"
    assert image.getpixel((0, 0))[3] == 0


def test_a_bad_file_saved_from_code_is_refused_and_nothing_is_stored(media):
    with pytest.raises(ValidationError):
        make_article(lead_image=upload(b"GIF89a but not really"))

    assert not media.exists() or not any(media.rglob("*.*"))


def test_clean_image_refuses_what_the_validator_refuses():
    with pytest.raises(ValidationError):
        clean_image(b"<svg/>")


def test_an_avatar_is_cleaned_too():
    photo = image_bytes("JPEG", (500, 400), exif=exif_with(gps=True, orientation=8))
    author = make_author(avatar=upload(photo, "me.jpg"))

    image, data = opened(author.avatar.name)
    assert image.size == (400, 500)
    assert not image.getexif()
    assert b"GPS" not in data


def test_a_16_bit_greyscale_png_keeps_its_tones():
    grey = image_bytes("PNG", (300, 200), 30_000, mode="I;16")  # 46 % grey, not white

    article = make_article(lead_image=upload(grey, "scan.png"))

    image, _ = opened(article.lead_image.name)
    assert image.getpixel((0, 0)) == 117
