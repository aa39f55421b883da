"""Telling people an endpoint was disabled: its contact and the site's administrators."""

import logging

from django.conf import settings
from django.core.mail import mail_admins, send_mail
from django.db import transaction
from django.utils import timezone

from .models import Endpoint

logger = logging.getLogger(__name__)


def disable_for_failures(*, endpoint_id, delivery):
    """Stop sending to an endpoint whose delivery failed for a day; tell its contact and
    the site's administrators. Its pending deliveries wait until it is enabled again."""
    reason = (
        f"Disabled at {timezone.now():%Y-%m-%d %H:%M} UTC: {delivery.event.message_id} "
        f"failed {delivery.attempts} times over a day (last: {delivery.last_error})."
    )
    with transaction.atomic():
        updated = Endpoint.objects.filter(pk=endpoint_id, is_active=True).update(
            is_active=False, disabled_at=timezone.now(), disabled_reason=reason
        )
        if updated:
            endpoint = Endpoint.objects.get(pk=endpoint_id)
            transaction.on_commit(lambda: _notify(endpoint, reason), robust=True)


def _notify(endpoint, reason):
    logger.warning("Webhook endpoint %s disabled: %s", endpoint.url, reason)
    subject = f"{settings.SITE_NAME}: webhook endpoint disabled"
    text = (
        f"Webhooks to {endpoint.url} are paused after failing for a day.\n\n{reason}\n\n"
        "Events keep being recorded; once the endpoint answers, an administrator enables "
        "it again and the waiting events are sent in order."
    )
    if endpoint.contact_email:
        send_mail(subject, text, None, [endpoint.contact_email], fail_silently=True)
    mail_admins(subject, text, fail_silently=True)
