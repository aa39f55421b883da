"""Who wrote a row and who last changed it, and when: kept alike on stories, live entries
and photos, set by the services (never by a form)."""

from django.conf import settings
from django.db import models


def staff_member():
    """A staff account that did something to the row; kept empty if the account goes."""
    return models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        editable=False,
    )


class Tracked(models.Model):
    created_at = models.DateTimeField(auto_now_add=True)
    modified_at = models.DateTimeField(auto_now=True)
    created_by = staff_member()
    modified_by = staff_member()

    class Meta:
        abstract = True
