"""An image field whose form speaks to editors in our words, not Django's generic ones."""

from django import forms
from django.db import models

from .validators import NOT_AN_IMAGE, validate_image


class UploadedImageField(forms.ImageField):
    # Django's own check runs before our validator and would say "either not an image or
    # a corrupted image" for a text file or an SVG; say what we accept instead.
    default_error_messages = {"invalid_image": NOT_AN_IMAGE}


class CheckedImageField(models.ImageField):
    """models.ImageField that always checks uploads, with our form messages."""

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("validators", [validate_image])
        super().__init__(*args, **kwargs)

    def formfield(self, **kwargs):
        return super().formfield(**{"form_class": UploadedImageField, **kwargs})

    def deconstruct(self):
        # Stored exactly as a plain ImageField: migrations need not know this class.
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.ImageField", args, kwargs
