"""Writing events: in the transaction of the change, with their deliveries and jobs."""

from django.db import IntegrityError, transaction

from .delivery import deliver
from .models import Delivery, Endpoint, Event, EventType


def record_event(*, type, story, subject_id=None, once_key=None):
    """Write an event about `story`, a delivery to each endpoint that wants it,
    and the job sending each: all in the caller's transaction. None when there was
    nothing new to say (announced already, or folded into a waiting update)."""
    endpoints = [e for e in Endpoint.objects.filter(is_active=True) if e.wants(type)]
    if not endpoints:
        return None  # no one listens: nothing to keep (an endpoint added later starts then)
    with transaction.atomic():
        if once_key and Event.objects.filter(once_key=once_key).exists():
            return None
        if type == EventType.STORY_UPDATED and _update_waiting(story.pk):
            return None
        try:
            with transaction.atomic():
                event = Event.objects.create(
                    type=type,
                    story_id=story.pk,
                    story_slug=story.slug,
                    subject_id=subject_id,
                    once_key=once_key,
                )
        except IntegrityError:  # announced by another process meanwhile
            return None
        deliveries = Delivery.objects.bulk_create(
            Delivery(event=event, endpoint=endpoint) for endpoint in endpoints
        )
        for delivery in deliveries:
            deliver.enqueue(delivery.pk)
    return event


def _update_waiting(story_id):
    """The story's newest event is an update not yet sent: its body, written when it is
    first sent, will carry this change too."""
    newest = Event.objects.filter(story_id=story_id).order_by("-pk").first()
    return newest is not None and newest.type == EventType.STORY_UPDATED and newest.payload is None
