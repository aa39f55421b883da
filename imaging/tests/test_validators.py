import pytest
from django.core.exceptions import ValidationError
from django.forms import modelform_factory

from imaging.tests.factories import image_bytes, png_bomb, stored_files, upload
from imaging.tests.testapp.models import Photo, Portrait
from imaging.validators import NOT_AN_IMAGE, validate_image

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'


def refusal(data, name="photo.jpg"):
    with pytest.raises(ValidationError) as caught:
        validate_image(upload(data, name))
    return " ".join(caught.value.messages)


@pytest.mark.parametrize(
    ("fmt", "name"), [("JPEG", "a.jpg"), ("PNG", "a.png"), ("WEBP", "a.webp"), ("GIF", "a.gif")]
)
def test_jpeg_png_webp_and_gif_are_accepted(fmt, name):
    validate_image(upload(image_bytes(fmt), name))


def test_a_text_file_named_jpg_is_refused():
    assert "JPEG, PNG, WebP or GIF" in refusal(b"Just some notes, not a photo.\n" * 20)


def test_an_svg_is_refused_even_named_jpg():
    assert "JPEG, PNG, WebP or GIF" in refusal(SVG, "drawing.svg")
    assert "JPEG, PNG, WebP or GIF" in refusal(SVG, "drawing.jpg")


def test_other_image_formats_are_refused():
    assert "JPEG, PNG, WebP or GIF" in refusal(image_bytes("BMP"), "photo.bmp")
    assert "JPEG, PNG, WebP or GIF" in refusal(image_bytes("TIFF"), "photo.jpg")


def test_a_truncated_jpeg_is_refused():
    jpeg = image_bytes("JPEG", (1200, 800), quality=95)
    # Noise-free pictures compress to almost nothing: cut well inside the scan data.
    assert "damaged or incomplete" in refusal(jpeg[: len(jpeg) // 2])


def test_a_decompression_bomb_is_refused_before_decoding():
    assert "too many pixels" in refusal(png_bomb(), "bomb.png")


def test_an_image_just_past_the_pixel_limit_is_refused(settings):
    # Between the limit and twice the limit Pillow only warns: ours still refuses.
    assert "at most 40 megapixels" in refusal(png_bomb(7000, 7000), "big.png")
    settings.IMAGE_MAX_PIXELS = 1_000_000
    assert "at most 1 megapixels" in refusal(image_bytes("PNG", (1001, 1000)), "big.png")


def test_a_file_over_the_byte_limit_is_refused(settings):
    settings.IMAGE_MAX_BYTES = 10_000
    message = refusal(image_bytes("JPEG") + b"\0" * 10_000, "big.jpg")
    assert "images may be at most 9.8\xa0KB" in message


def test_a_stored_image_is_not_read_again(db):
    # No such file: opening it would fail.
    photo = Photo(image="photos/gone.jpg", width=8, height=6)
    validate_image(photo.image)


PhotoForm = modelform_factory(Photo, fields=["image", "credit"])
PortraitForm = modelform_factory(Portrait, fields=["image"])


def photo_form(file, **data):
    return PhotoForm(data=data, files={"image": file})


@pytest.mark.django_db
@pytest.mark.parametrize(
    "data",
    [
        b"not an image at all",
        SVG,
        png_bomb(),
        image_bytes("JPEG", (1200, 800), quality=95)[:3000],
    ],
    ids=["text", "svg", "bomb", "truncated"],
)
def test_a_bad_upload_is_a_form_error_and_nothing_is_stored(data, media):
    form = photo_form(upload(data, "photo.jpg"))

    assert not form.is_valid()
    assert form.errors["image"]
    assert stored_files(media) == []
    assert not Photo.objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "size",
    [(50_000, 50_000), (7_000, 7_000)],
    # Pillow's limit is ours (imaging/apps.py): past twice it Pillow refuses to open the
    # file; between, it warns, which is an error wherever warnings are (these tests).
    ids=["past twice the limit", "past the limit"],
)
def test_an_upload_of_too_many_pixels_says_so_in_the_form(size, media):
    bomb = png_bomb(*size)  # a 1×1 PNG made by Pillow, its header claiming `size`
    assert len(bomb) < 100

    form = photo_form(upload(bomb, "bomb.png", "image/png"))

    assert not form.is_valid()
    assert form.errors["image"] == [
        "This image has too many pixels; images may be at most 40 megapixels."
    ]
    assert stored_files(media) == []


@pytest.mark.django_db
def test_a_truncated_upload_gets_our_message_in_the_form(media):
    jpeg = image_bytes("JPEG", (1200, 800), quality=95)
    form = photo_form(upload(jpeg[: len(jpeg) // 2]))

    assert not form.is_valid()
    assert "damaged or incomplete" in str(form.errors["image"])
    assert stored_files(media) == []


@pytest.mark.django_db
def test_an_oversized_upload_says_the_limit(settings, media):
    settings.IMAGE_MAX_BYTES = 1024
    form = photo_form(upload(image_bytes("PNG", (300, 300), color="red") + b"\0" * 2000))

    assert not form.is_valid()
    assert "images may be at most 1.0\xa0KB" in str(form.errors["image"])
    assert stored_files(media) == []


@pytest.mark.django_db
def test_a_bad_square_upload_is_a_form_error_and_nothing_is_stored(media):
    form = PortraitForm(data={}, files={"image": upload(SVG, "me.png")})

    assert not form.is_valid()
    assert form.errors["image"]
    assert stored_files(media) == []
    assert not Portrait.objects.exists()


@pytest.mark.django_db
def test_a_good_upload_through_the_form_is_stored_with_renditions(media):
    form = photo_form(upload(image_bytes("JPEG", (1000, 500)), "view.jpeg"))

    assert form.is_valid(), form.errors
    photo = form.save()

    assert photo.image.name.endswith("view.jpg")
    assert (photo.width, photo.height) == (1000, 500)
    widths = [item["width"] for item in photo.renditions["jpeg"]]
    assert widths == [320, 640, 960, 1000]
    assert photo.image.name in stored_files(media)


@pytest.mark.django_db
def test_a_form_without_an_image_is_valid_and_stores_nothing(media):
    form = PhotoForm(data={"credit": ""})

    assert form.is_valid(), form.errors
    assert form.save().renditions == {}
    assert stored_files(media) == []


@pytest.mark.parametrize("model", [Photo, Portrait])
def test_a_text_file_named_jpg_gets_our_message_from_the_form_not_djangos(model):
    field = model._meta.get_field("image").formfield()
    with pytest.raises(ValidationError) as error:
        field.clean(upload(b"just some words", name="portrait.jpg"))

    assert error.value.messages == [NOT_AN_IMAGE]
