"""The photo library: photos placed in any number of stories (articles/photos.py writes)."""

from django.db import models

from imaging.fields import CheckedImageField

from .tracking import staff_member


class Photo(models.Model):
    """A photo in the library: placed in any number of stories, its credit always with it."""

    image = CheckedImageField(
        upload_to="photos/%Y/%m/",
        width_field="width",
        height_field="height",
        renditions_field="renditions",
        credit_field="credit",
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    # Pre-made sizes and formats, written when the photo is saved (imaging/renditions.py).
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    alt_text = models.CharField(
        max_length=300, help_text="What the photo shows, for readers who cannot see it."
    )
    caption = models.CharField(
        max_length=500, blank=True, help_text="Printed under the photo in every story."
    )
    # The Ukrainian edition's (editions/): shown there when filled in, else the above.
    alt_text_uk = models.CharField("alt text in Ukrainian", max_length=300, blank=True)
    caption_uk = models.CharField("caption in Ukrainian", max_length=500, blank=True)
    credit = models.CharField(
        max_length=200,
        blank=True,
        help_text="Photographer/Agency. Printed with the photo wherever it is placed.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    uploaded_by = staff_member()

    class Meta:
        ordering = ["-created_at", "-pk"]
        get_latest_by = "created_at"

    def __str__(self):
        return self.caption or self.alt_text
