from django.db import models


class PhotoCredit(models.Model):
    """Who took a photo, remembered by its content so the credit comes back with it.

    Each upload is known by two hashes: the file as uploaded and the clean file we store,
    so re-uploading either brings the credit along.
    """

    sha256 = models.CharField("SHA-256", max_length=64, unique=True)
    credit = models.CharField(max_length=200, blank=True, help_text="Photographer/Agency.")
    copyright = models.CharField(max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = "photo credit"

    def __str__(self):
        return self.credit or self.copyright or self.sha256[:12]
