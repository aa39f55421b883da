"""An image field that checks uploads, cleans them and makes their renditions on save.

A model says what takes part through the field's arguments, the way Django's ImageField
takes `width_field`: imaging knows no model of the apps that use it.
"""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models.fields.files import FileDescriptor, ImageFileDescriptor
from django.db.models.signals import pre_save

from .signals import image_saved
from .validators import DECOMPRESSION_BOMB, NOT_AN_IMAGE, too_many_pixels, validate_image


class UploadedImageField(forms.ImageField):
    # Django's own check runs before our validator and would say "either not an image or
    # a corrupted image" for a text file or an SVG; say what we accept instead.
    default_error_messages = {"invalid_image": NOT_AN_IMAGE}

    def to_python(self, data):
        # That check opens the upload with Pillow, which refuses a decompression bomb for
        # its pixels: say so, as our validator would, not that it is no image.
        try:
            return super().to_python(data)
        except ValidationError as error:
            if isinstance(error.__cause__, DECOMPRESSION_BOMB):
                raise too_many_pixels() from error.__cause__
            raise


class StoredSizeDescriptor(ImageFileDescriptor):
    """Given the file it already holds, a field keeps the size recorded with it.

    Django measures an image whenever its field is assigned, even the same file again: a
    model form does that on every save, reading the whole original back from storage (and
    failing when storage has lost it). Any other file is measured as usual.
    """

    def __set__(self, instance, value):
        if value is None or instance.__dict__.get(self.field.attname) is not value:
            super().__set__(instance, value)
            return
        FileDescriptor.__set__(self, instance, value)
        self.field.update_dimension_fields(instance)  # measures only a size not recorded


class CheckedImageField(models.ImageField):
    """models.ImageField that always checks uploads, with our form messages.

    `renditions_field` names the JSONField that describes the pre-made renditions; with
    it, every new upload is cleaned and made into renditions as the row is saved.
    `square=True` makes square crops (portraits) instead of widths; `credit_field` names
    a text field pre-filled from the photo's metadata and remembered with the photo.
    """

    descriptor_class = StoredSizeDescriptor

    def __init__(self, *args, renditions_field=None, square=False, credit_field=None, **kwargs):
        self.renditions_field = renditions_field
        self.square = square
        self.credit_field = credit_field
        kwargs.setdefault("validators", [validate_image])
        super().__init__(*args, **kwargs)

    def contribute_to_class(self, cls, name, **kwargs):
        super().contribute_to_class(cls, name, **kwargs)
        if self.renditions_field and not cls._meta.abstract:
            pre_save.connect(
                image_saved,
                sender=cls,
                weak=False,
                dispatch_uid=f"imaging-{cls._meta.label_lower}-{name}",
            )

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": UploadedImageField, **kwargs})

    def deconstruct(self):
        # Stored exactly as a plain ImageField: migrations need not know this class.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs
