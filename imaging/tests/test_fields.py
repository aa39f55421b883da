"""CheckedImageField: a stored image is never read back just because its row is edited."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.forms import modelform_factory

from imaging.fields import CheckedImageField, UploadedImageField
from imaging.pipeline import processed_image_fields
from imaging.tests.factories import image_bytes
from imaging.tests.testapp.models import Photo, Portrait
from imaging.validators import validate_image

pytestmark = pytest.mark.django_db

PhotoForm = modelform_factory(Photo, fields=["image", "credit", "title"])


def stored_without_its_file():
    """A photo row whose file storage no longer has: reading it would fail."""
    pk = Photo.objects.create().pk
    Photo.objects.filter(pk=pk).update(image="photos/gone.jpg", width=8, height=6)
    return Photo.objects.get(pk=pk)


def test_validating_a_stored_photo_does_not_read_its_file():
    photo = stored_without_its_file()

    photo.full_clean()

    assert (photo.width, photo.height) == (8, 6)


def test_editing_a_stored_photo_through_a_form_does_not_read_its_file():
    photo = stored_without_its_file()
    form = PhotoForm(instance=photo, data={"credit": "", "title": "Renamed"}, files={})

    assert form.is_valid(), form.errors
    form.save()

    saved = Photo.objects.get()
    assert (saved.title, saved.image.name) == ("Renamed", "photos/gone.jpg")
    assert (saved.width, saved.height) == (8, 6)


def test_another_stored_file_is_measured_when_assigned():
    photo = stored_without_its_file()
    name = default_storage.save("photos/chart.png", ContentFile(image_bytes("PNG", (50, 40))))

    photo.image = name

    assert (photo.width, photo.height) == (50, 40)


def test_the_form_field_and_the_migration_say_what_the_field_is():
    field = Photo._meta.get_field("image")

    assert isinstance(field.formfield(), UploadedImageField)
    # Migrations see a plain ImageField: nothing in them depends on this class.
    assert field.deconstruct()[1] == "django.db.models.ImageField"
    assert processed_image_fields(Photo) == [field]
    assert processed_image_fields(Portrait)[0].square


def test_a_field_without_renditions_is_checked_but_not_processed():
    field = CheckedImageField(upload_to="x/")

    assert field.renditions_field is None
    assert validate_image in field.validators  # uploads are still checked
