"""The addresses of an article besides its own: old slugs that redirect, and preview links."""

from django.conf import settings
from django.db import models
from django.utils import timezone


class SlugRedirect(models.Model):
    """An address an article had before its slug changed; it redirects for good."""

    old_slug = models.SlugField(max_length=200, unique=True)
    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="old_slugs")
    created_at = models.DateTimeField(auto_now_add=True)

    def __str__(self):
        return f"/news/{self.old_slug}/ → {self.article}"


class PreviewLink(models.Model):
    """A shareable, expiring preview of an unpublished article, revocable by an editor."""

    article = models.ForeignKey("Article", on_delete=models.CASCADE, related_name="preview_links")
    token = models.CharField(max_length=64, unique=True, editable=False)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    expires_at = models.DateTimeField()
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]

    def __str__(self):
        return f"Preview of {self.article} until {self.expires_at:%Y-%m-%d %H:%M}"

    @property
    def is_active(self):
        return self.revoked_at is None and self.expires_at > timezone.now()
