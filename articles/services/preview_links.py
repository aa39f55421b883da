"""Preview links: a shareable, expiring address of an unpublished story.

A link shows the story to anyone who has it, so making one, changing how long it works
and revoking it are for those who may edit the story, and each is announced for the
audit trail.
"""

import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone

from .. import signals
from ..models import PreviewLink
from .errors import NotAllowed
from .permissions import can_edit

PREVIEW_LINK_LIFETIME = timedelta(hours=48)


def default_preview_expiry():
    return timezone.now() + PREVIEW_LINK_LIFETIME


def _check_may_share(user, article):
    if not can_edit(user, article):
        raise NotAllowed("Your role may not share previews of this article.")


def create_preview_link(*, article, user, expires_at=None):
    _check_may_share(user, article)
    with transaction.atomic():
        link = PreviewLink.objects.create(
            article=article,
            token=secrets.token_urlsafe(32),
            created_by=user,
            expires_at=expires_at or default_preview_expiry(),
        )
        signals.preview_link_created.send(sender=PreviewLink, link=link, user=user)
    return link


def change_preview_expiry(*, link, user, expires_at):
    """The link works until `expires_at` instead; a time unchanged changes nothing."""
    _check_may_share(user, link.article)
    with transaction.atomic():
        saved = PreviewLink.objects.select_for_update().get(pk=link.pk)
        link.expires_at = expires_at
        if saved.expires_at != expires_at:
            link.save(update_fields=["expires_at"])
            signals.preview_link_expiry_changed.send(
                sender=PreviewLink, link=link, user=user, previous=saved.expires_at
            )
    return link


def revoke_preview_link(*, link, user):
    """The link stops working at once; revoking it again keeps the first time."""
    _check_may_share(user, link.article)
    if link.revoked_at is None:
        with transaction.atomic():
            link.revoked_at = timezone.now()
            link.save(update_fields=["revoked_at"])
            signals.preview_link_revoked.send(sender=PreviewLink, link=link, user=user)
    return link
