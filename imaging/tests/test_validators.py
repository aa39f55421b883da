import pytest
from django.core.exceptions import ValidationError
from django.forms import modelform_factory

from articles.models import Article
from authors.models import Author
from imaging.tests.factories import image_bytes, png_bomb, stored_files, upload
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
    article = Article(lead_image="lead/2024/01/gone.jpg", lead_image_width=8, lead_image_height=6)
    validate_image(article.lead_image)


ArticleForm = modelform_factory(
    Article, fields=["title", "slug", "body", "lead_image", "lead_image_alt", "lead_image_credit"]
)
AuthorForm = modelform_factory(Author, fields=["name", "slug", "avatar"])


def article_form(file, **data):
    fields = {"title": "A story", "slug": "a-story", "body": "Text.", "lead_image_alt": "A view"}
    return ArticleForm(data={**fields, **data}, files={"lead_image": file})


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
    form = article_form(upload(data, "photo.jpg"))

    assert not form.is_valid()
    assert form.errors["lead_image"]
    assert stored_files(media) == []
    assert not Article.objects.exists()


@pytest.mark.django_db
def test_a_truncated_upload_gets_our_message_in_the_form(media):
    jpeg = image_bytes("JPEG", (1200, 800), quality=95)
    form = article_form(upload(jpeg[: len(jpeg) // 2]))

    assert not form.is_valid()
    assert "damaged or incomplete" in str(form.errors["lead_image"])
    assert stored_files(media) == []


@pytest.mark.django_db
def test_an_oversized_upload_says_the_limit(settings, media):
    settings.IMAGE_MAX_BYTES = 1024
    form = article_form(upload(image_bytes("PNG", (300, 300), color="red") + b"\0" * 2000))

    assert not form.is_valid()
    assert "images may be at most 1.0\xa0KB" in str(form.errors["lead_image"])
    assert stored_files(media) == []


@pytest.mark.django_db
def test_a_bad_avatar_is_a_form_error_and_nothing_is_stored(media):
    form = AuthorForm(data={"name": "Ada", "slug": "ada"}, files={"avatar": upload(SVG, "me.png")})

    assert not form.is_valid()
    assert form.errors["avatar"]
    assert stored_files(media) == []


@pytest.mark.django_db
def test_a_good_upload_through_the_form_is_stored_with_renditions(media):
    form = article_form(upload(image_bytes("JPEG", (1000, 500)), "view.jpeg"))

    assert form.is_valid(), form.errors
    article = form.save()

    assert article.lead_image.name.endswith("view.jpg")
    assert (article.lead_image_width, article.lead_image_height) == (1000, 500)
    widths = [item["width"] for item in article.lead_image_renditions["jpeg"]]
    assert widths == [320, 640, 960, 1000]
    assert article.lead_image.name in stored_files(media)


@pytest.mark.django_db
def test_alt_text_is_required_with_a_lead_image(media):
    form = article_form(upload(image_bytes("JPEG")), lead_image_alt="  ")

    assert not form.is_valid()
    assert "Describe the photo" in str(form.errors["lead_image_alt"])
    assert stored_files(media) == []


@pytest.mark.django_db
def test_alt_text_is_not_required_without_an_image():
    form = ArticleForm(data={"title": "A story", "slug": "a-story", "body": "Text."})

    assert form.is_valid(), form.errors


def test_a_text_file_named_jpg_gets_our_message_from_the_form_not_djangos():
    field = Author._meta.get_field("avatar").formfield()
    with pytest.raises(ValidationError) as error:
        field.clean(upload(b"just some words", name="portrait.jpg"))

    assert error.value.messages == [NOT_AN_IMAGE]
