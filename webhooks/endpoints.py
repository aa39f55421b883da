"""Endpoints and deliveries as administrators change them: every write is here."""

from django.db import transaction
from django.utils import timezone

from . import signing
from .delivery import deliver
from .models import Delivery, Endpoint


def create_endpoint(*, url, description="", contact_email="", event_types=()):
    """A new endpoint with a secret of its own, receiving events from now on."""
    return Endpoint.objects.create(
        url=url,
        description=description,
        contact_email=contact_email,
        event_types=list(event_types),
        secret=signing.new_secret(),
    )


def change_endpoint(*, endpoint, url, description, contact_email, event_types):
    endpoint.url, endpoint.description = url, description
    endpoint.contact_email, endpoint.event_types = contact_email, list(event_types)
    endpoint.save(update_fields=["url", "description", "contact_email", "event_types"])
    return endpoint


def rotate_secret(*, endpoint):
    """A new secret: signatures change at once (tell the partner first)."""
    endpoint.secret = signing.new_secret()
    endpoint.save(update_fields=["secret"])
    return endpoint


def disable_endpoint(*, endpoint, by):
    """Pause an endpoint by hand: its events wait, and go out in order once re-enabled."""
    Endpoint.objects.filter(pk=endpoint.pk, is_active=True).update(
        is_active=False,
        disabled_at=timezone.now(),
        disabled_reason=f"Disabled by {by} at {timezone.now():%Y-%m-%d %H:%M} UTC.",
    )
    endpoint.refresh_from_db()
    return endpoint


def enable_endpoint(*, endpoint):
    """Send to it again: its waiting deliveries go out, in order per story."""
    with transaction.atomic():
        Endpoint.objects.filter(pk=endpoint.pk).update(
            is_active=True, disabled_at=None, disabled_reason=""
        )
        waiting = Delivery.objects.filter(endpoint=endpoint, status=Delivery.Status.PENDING)
        waiting.update(next_attempt_at=None, claimed_until=None)
        for pk in waiting.order_by("event_id").values_list("pk", flat=True):
            deliver.enqueue(pk)
    endpoint.refresh_from_db()
    return endpoint


def replay_delivery(*, delivery):
    """Send a delivery again, from its first attempt's schedule: the same `webhook-id`
    and body (a receiver that already processed it will know it)."""
    with transaction.atomic():
        Delivery.objects.filter(pk=delivery.pk).update(
            status=Delivery.Status.PENDING,
            attempts=0,
            next_attempt_at=None,
            claimed_until=None,
            delivered_at=None,
        )
        deliver.enqueue(delivery.pk)
    delivery.refresh_from_db()
    return delivery
