"""Preview links: a shareable, expiring address of an unpublished story."""

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .. import signals
from ..models import PreviewLink

PREVIEW_LINK_LIFETIME = timedelta(hours=48)


def default_preview_expiry():
    return timezone.now() + PREVIEW_LINK_LIFETIME


def create_preview_link(*, article, user, expires_at=None):
    with transaction.atomic():
        link = PreviewLink.objects.create(
            article=article,
            token=secrets.token_urlsafe(32),
            created_by=user,
            expires_at=expires_at or default_preview_expiry(),
        )
        signals.preview_link_created.send(sender=PreviewLink, link=link, user=user)
    return link


def change_preview_expiry(*, link, expires_at):
    link.expires_at = expires_at
    link.save(update_fields=["expires_at"])
    return link


def revoke_preview_link(*, link, user):
    """The link stops working at once; revoking it again keeps the first time."""
    if link.revoked_at is None:
        with transaction.atomic():
            link.revoked_at = timezone.now()
            link.save(update_fields=["revoked_at"])
            signals.preview_link_revoked.send(sender=PreviewLink, link=link, user=user)
    return link
