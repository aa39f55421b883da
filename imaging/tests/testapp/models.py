from django.db import models

from imaging.fields import CheckedImageField


class Photo(models.Model):
    """A photo with renditions and a credit, held as an article holds its lead image."""

    image = CheckedImageField(
        upload_to="photos/",
        blank=True,
        width_field="width",
        height_field="height",
        renditions_field="renditions",
        credit_field="credit",
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    renditions = models.JSONField(default=dict, blank=True, editable=False)
    credit = models.CharField(max_length=200, blank=True)
    title = models.CharField(max_length=100, blank=True)  # a field that is not the image

    def __str__(self):
        return self.title or self.image.name


class Portrait(models.Model):
    """A portrait cropped square, held as an author holds an avatar (no credit)."""

    image = CheckedImageField(
        upload_to="portraits/",
        blank=True,
        width_field="width",
        height_field="height",
        renditions_field="renditions",
        square=True,
    )
    width = models.PositiveIntegerField(null=True, blank=True, editable=False)
    height = models.PositiveIntegerField(null=True, blank=True, editable=False)
    renditions = models.JSONField(default=dict, blank=True, editable=False)

    def __str__(self):
        return self.image.name
