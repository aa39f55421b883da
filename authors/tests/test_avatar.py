"""An author's portrait: checked in the admin's form, cleaned, and cropped square on save.

How images are checked, cleaned and resized is imaging's (imaging/tests); these tests
check that `Author.avatar` is wired to all of it.
"""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.forms import modelform_factory
from django.urls import reverse
from PIL import Image

from authors.models import Author
from authors.tests.factories import make_author
from imaging.renditions import FORMATS
from imaging.tests.factories import exif_with, image_bytes, stored_files, upload
from imaging.validators import NOT_AN_IMAGE

pytestmark = pytest.mark.django_db

SVG = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'

AuthorForm = modelform_factory(Author, fields=["name", "slug", "avatar"])


# The form


def test_a_bad_avatar_is_a_form_error_and_nothing_is_stored(media):
    form = AuthorForm(data={"name": "Ada", "slug": "ada"}, files={"avatar": upload(SVG, "me.png")})

    assert not form.is_valid()
    assert form.errors["avatar"]
    assert stored_files(media) == []


def test_a_text_file_named_jpg_gets_our_message_from_the_form_not_djangos():
    field = Author._meta.get_field("avatar").formfield()
    with pytest.raises(ValidationError) as error:
        field.clean(upload(b"just some words", name="portrait.jpg"))

    assert error.value.messages == [NOT_AN_IMAGE]


def test_the_admin_refuses_a_bad_avatar_in_words_and_stores_nothing(admin_client, media):
    response = admin_client.post(
        reverse("admin:authors_author_add"),
        {"name": "Ada Byron", "slug": "ada-byron", "avatar": upload(b"some words", "me.jpg")},
    )

    assert response.status_code == 200
    assert NOT_AN_IMAGE in response.content.decode()
    assert not Author.objects.exists()
    assert stored_files(media) == []


def test_the_admin_stores_a_good_avatar_with_its_square_crops(admin_client):
    photo = upload(image_bytes("JPEG", (600, 450)), "ada.jpg")

    response = admin_client.post(
        reverse("admin:authors_author_add"),
        {"name": "Ada Byron", "slug": "ada-byron", "avatar": photo},
    )

    assert response.status_code == 302
    author = Author.objects.get()
    assert author.avatar.name.startswith("avatars/")
    assert (author.avatar_width, author.avatar_height) == (600, 450)
    assert [r["width"] for r in author.avatar_renditions["jpeg"]] == [96, 192, 384]


def test_the_admin_edits_an_author_whose_portrait_file_is_missing(admin_client):
    pk = make_author(name="Ada Byron").pk
    Author.objects.filter(pk=pk).update(
        avatar="avatars/2020/01/gone.jpg", avatar_width=40, avatar_height=40
    )

    response = admin_client.post(
        reverse("admin:authors_author_change", args=[pk]),
        {"name": "Ada King", "slug": "ada-byron"},
    )

    assert response.status_code == 302
    author = Author.objects.get()
    assert (author.name, author.avatar.name) == ("Ada King", "avatars/2020/01/gone.jpg")
    assert (author.avatar_width, author.avatar_height) == (40, 40)


# Saving


def test_an_avatar_is_cleaned_too():
    photo = image_bytes("JPEG", (500, 400), exif=exif_with(gps=True, orientation=8))
    author = make_author(avatar=upload(photo, "me.jpg"))

    with default_storage.open(author.avatar.name) as file:
        data = file.read()
    image = Image.open(io.BytesIO(data))
    assert image.size == (400, 500)
    assert not image.getexif()
    assert b"GPS" not in data


def test_avatars_get_square_crops():
    author = make_author(avatar=upload(image_bytes("JPEG", (600, 450)), "me.jpg"))

    for fmt in FORMATS:
        sizes = [(r["width"], r["height"]) for r in author.avatar_renditions[fmt]]
        assert sizes == [(96, 96), (192, 192), (384, 384)]
    with default_storage.open(author.avatar_renditions["jpeg"][0]["name"]) as file:
        assert Image.open(file).size == (96, 96)


def test_removing_an_avatar_forgets_its_renditions():
    author = make_author(avatar=upload(image_bytes("JPEG"), "me.jpg"))

    author.avatar = None
    author.save()

    assert Author.objects.get().avatar_renditions == {}


# manage.py make_renditions


def test_make_renditions_handles_avatars_stored_before(media):
    author = make_author(slug="b", name="B")
    avatar = default_storage.save("avatars/2023/05/b.png", ContentFile(image_bytes("PNG")))
    Author.objects.filter(pk=author.pk).update(avatar=avatar, avatar_width=480, avatar_height=320)

    call_command("make_renditions", stdout=io.StringIO())

    author.refresh_from_db()
    assert [r["width"] for r in author.avatar_renditions["webp"]] == [96, 192, 320]
    before = stored_files(media)
    out = io.StringIO()
    call_command("make_renditions", stdout=out)
    assert "for 0 image(s)" in out.getvalue()
    assert stored_files(media) == before
