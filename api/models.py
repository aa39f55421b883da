"""API keys: who may read the content API, and how often.

A key is shown once, when it is issued (`api/keys.py`); only its SHA-256 digest is
stored. A digest is enough: keys are 256 random bits, so there is nothing to guess that
a slow hash would protect. The first characters stay readable (`prefix`) so an
administrator can tell keys apart in the admin and in logs.
"""

from django.db import models


class ApiKey(models.Model):
    name = models.CharField(
        max_length=120, help_text="Who uses this key: a partner, an app, a newsroom tool."
    )
    prefix = models.CharField(max_length=16, editable=False)
    digest = models.CharField(max_length=64, unique=True, editable=False)
    requests_per_minute = models.PositiveIntegerField(
        default=120,
        help_text="Requests this key may make in a minute; more are answered 429.",
    )
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(
        null=True, blank=True, editable=False, help_text="A revoked key is refused (401)."
    )

    class Meta:
        verbose_name = "API key"
        verbose_name_plural = "API keys"
        ordering = ["name", "pk"]

    def __str__(self):
        return f"{self.name} ({self.prefix}…)"

    @property
    def is_active(self):
        return self.revoked_at is None
