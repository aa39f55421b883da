"""Corrections printed at the foot of an article."""

from django.db import models
from django.utils import timezone


class Correction(models.Model):
    """A correction printed at the foot of the article, newest first."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="corrections")
    text = models.TextField(help_text="What was wrong and what is right, in one or two sentences.")
    corrected_at = models.DateTimeField(default=timezone.now)

    class Meta:
        ordering = ["-corrected_at", "-pk"]
        # The corrections feed (the content API's), newest first, paged by (time, id).
        indexes = [models.Index(fields=["-corrected_at", "-id"], name="correction_newest")]

    def __str__(self):
        return f"Correction to {self.article} ({self.corrected_at:%Y-%m-%d})"
