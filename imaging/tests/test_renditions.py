import io

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from PIL import Image, features

from imaging.renditions import FORMATS, plan
from imaging.tests.factories import exif_with, image_bytes, stored_files, upload
from imaging.tests.testapp.models import Photo, Portrait

pytestmark = pytest.mark.django_db

PIL_FORMATS = {"avif": "AVIF", "webp": "WEBP", "jpeg": "JPEG"}


def test_widths_are_the_steps_below_the_original_then_the_original():
    assert [w for w, _ in plan(3000, 2000)] == [320, 640, 960, 1280, 1920]
    assert [w for w, _ in plan(1920, 1080)] == [320, 640, 960, 1280, 1920]
    assert plan(1000, 500) == [(320, 160), (640, 320), (960, 480), (1000, 500)]
    assert plan(200, 100) == [(200, 100)]


def test_squares_are_never_larger_than_the_short_side():
    assert plan(1000, 800, square=True) == [(96, 96), (192, 192), (384, 384)]
    assert plan(300, 500, square=True) == [(96, 96), (192, 192), (300, 300)]


def test_formats_are_webp_and_jpeg_and_avif_where_pillow_writes_it():
    assert FORMATS[-2:] == ["webp", "jpeg"]
    assert ("avif" in FORMATS) == features.check("avif")


def test_every_rendition_is_stored_at_its_size_and_format():
    photo = Photo.objects.create(image=upload(image_bytes("JPEG", (2100, 1400))))
    renditions = photo.renditions

    assert set(renditions) == {*FORMATS, "sha256"}
    for fmt in FORMATS:
        assert [(r["width"], r["height"]) for r in renditions[fmt]] == [
            (320, 213),
            (640, 427),
            (960, 640),
            (1280, 853),
            (1920, 1280),
        ]
        for item in renditions[fmt]:
            with default_storage.open(item["name"]) as file:
                image = Image.open(io.BytesIO(file.read()))
            assert image.format == PIL_FORMATS[fmt]
            assert image.size == (item["width"], item["height"])


def test_a_small_image_is_not_upscaled():
    photo = Photo.objects.create(image=upload(image_bytes("PNG", (500, 250)), "small.png"))

    assert [r["width"] for r in photo.renditions["jpeg"]] == [320, 500]


def test_square_fields_get_square_crops():
    portrait = Portrait.objects.create(image=upload(image_bytes("JPEG", (600, 450)), "me.jpg"))

    for fmt in FORMATS:
        sizes = [(r["width"], r["height"]) for r in portrait.renditions[fmt]]
        assert sizes == [(96, 96), (192, 192), (384, 384)]
    with default_storage.open(portrait.renditions["jpeg"][0]["name"]) as file:
        assert Image.open(file).size == (96, 96)


def test_a_transparent_png_gets_a_white_jpeg_fallback():
    transparent = image_bytes("PNG", (400, 300), (0, 0, 0, 0), mode="RGBA")
    photo = Photo.objects.create(image=upload(transparent, "logo.png"))

    with default_storage.open(photo.renditions["jpeg"][0]["name"]) as file:
        assert Image.open(file).convert("RGB").getpixel((5, 5)) == (255, 255, 255)


def test_saving_again_without_a_new_file_makes_nothing(media):
    photo = Photo.objects.create(image=upload(image_bytes("JPEG")))
    before = stored_files(media)

    photo.title = "A new title"
    photo.save()

    assert stored_files(media) == before


def test_a_new_file_replaces_the_renditions():
    photo = Photo.objects.create(image=upload(image_bytes("JPEG", (480, 320)), "one.jpg"))

    photo.image = upload(image_bytes("JPEG", (400, 400)), "two.jpg")
    photo.save()

    assert photo.image.name.endswith("two.jpg")
    assert photo.renditions["jpeg"][-1]["width"] == 400
    assert "two" in photo.renditions["jpeg"][-1]["name"]


def test_removing_the_image_forgets_its_renditions():
    photo = Photo.objects.create(image=upload(image_bytes("JPEG")))

    photo.image = None
    photo.save()

    assert Photo.objects.get().renditions == {}


def test_storage_can_be_anything_django_can_talk_to(settings, media):
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "django.core.files.storage.InMemoryStorage"},
    }
    photo = Photo.objects.create(image=upload(image_bytes("JPEG")))

    assert default_storage.exists(photo.image.name)
    assert all(default_storage.exists(r["name"]) for r in photo.renditions["webp"])
    assert stored_files(media) == []  # nothing went around the storage API to the disk


def test_make_renditions_handles_images_stored_before(media):
    old = image_bytes("JPEG", (700, 400), exif=exif_with(gps=True, artist="Jo Field"))
    name = default_storage.save("photos/old.jpg", ContentFile(old))
    photo = Photo.objects.create()
    Photo.objects.filter(pk=photo.pk).update(image=name, width=700, height=400)
    square = default_storage.save("portraits/b.png", ContentFile(image_bytes("PNG")))
    portrait = Portrait.objects.create()
    Portrait.objects.filter(pk=portrait.pk).update(image=square, width=480, height=320)

    call_command("make_renditions", stdout=io.StringIO())

    photo.refresh_from_db()
    assert [r["width"] for r in photo.renditions["jpeg"]] == [320, 640, 700]
    assert photo.credit == "Jo Field"
    with default_storage.open(photo.image.name) as file:
        assert b"GPS" not in file.read()  # the old original was cleaned in place
    assert photo.image.name == name
    portrait.refresh_from_db()
    assert [r["width"] for r in portrait.renditions["webp"]] == [96, 192, 320]

    # Run again: nothing left to do, and --all remakes the same files.
    before = stored_files(media)
    out = io.StringIO()
    call_command("make_renditions", stdout=out)
    assert "for 0 image(s)" in out.getvalue()
    call_command("make_renditions", "--all", stdout=io.StringIO())
    assert stored_files(media) == before


def test_make_renditions_replaces_an_old_gif_by_its_clean_png(media):
    # Stored before uploads were cleaned, with wrong dimensions on the row.
    old = image_bytes("GIF", (400, 300))
    name = default_storage.save("photos/chart.gif", ContentFile(old))
    photo = Photo.objects.create()
    Photo.objects.filter(pk=photo.pk).update(image=name, width=1, height=1)

    out = io.StringIO()
    call_command("make_renditions", stdout=out)

    photo.refresh_from_db()
    assert photo.image.name == "photos/chart.png"
    assert (photo.width, photo.height) == (400, 300)  # measured again from the clean file
    assert "photos/chart.gif" not in stored_files(media)
    assert "for 1 image(s); 0 could not be read" in out.getvalue()


def test_make_renditions_reports_a_missing_file():
    photo = Photo.objects.create()
    Photo.objects.filter(pk=photo.pk).update(image="photos/lost.jpg", width=10, height=10)
    err, out = io.StringIO(), io.StringIO()

    call_command("make_renditions", stdout=out, stderr=err)

    assert f"imaging_testapp.Photo {photo.pk} (photos/lost.jpg)" in err.getvalue()
    assert "0 image(s); 1 could not be read" in out.getvalue()
