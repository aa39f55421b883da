"""Sending a delivery: signed, in order per story, retried over a day, logged.

Each delivery's job claims it in a short transaction, sends outside any transaction (an
endpoint's slowness never holds a lock), and records the outcome in another. Order per
story and endpoint: a delivery waits while an earlier one of the same story to the same
endpoint is still pending; that one's success sends it on. A failure is retried on the
schedule of WEBHOOK_RETRY_DELAYS (about 27 hours); after the last, the delivery has
failed and the endpoint is disabled with a notice (notices.py). A worker killed
mid-send leaves its claim: the job taken back waits for the claim to pass and sends
again, under the same `webhook-id`, which receivers use to ignore a repeat.
"""

import json
import time
import urllib.error
import urllib.request
from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from jobs.compat import task

from . import notices, payloads, signing
from .models import Attempt, Delivery, Event

PENDING = Delivery.Status.PENDING
CLAIM_MARGIN = timedelta(seconds=5)
EXCERPT = 500
USER_AGENT = "Newsroom-Webhooks/1"


@task()
def deliver(delivery_id):
    claimed = _claim(delivery_id)
    if claimed is None:
        return "nothing to send"
    delivery, body = claimed
    outcome = _post(delivery, body)
    _record(delivery.pk, outcome)
    return "delivered" if outcome.succeeded else "failed"


def _earlier_pending(delivery):
    return Delivery.objects.filter(
        endpoint_id=delivery.endpoint_id,
        event__story_id=delivery.event.story_id,
        event_id__lt=delivery.event_id,
        status=PENDING,
    ).exists()


def _claim(delivery_id):
    """The delivery and its body, claimed for one attempt; None if it is not to be sent now."""
    with transaction.atomic():
        delivery = (
            Delivery.objects.select_for_update()
            .select_related("endpoint", "event")
            .filter(pk=delivery_id)
            .first()
        )
        now = timezone.now()
        if delivery is None or delivery.status != PENDING or not delivery.endpoint.is_active:
            return None  # sent, given up, or its endpoint paused: re-enabling resumes it
        if delivery.next_attempt_at and delivery.next_attempt_at > now:
            return None  # its retry has a job of its own, due then
        if delivery.claimed_until and delivery.claimed_until > now:
            # Under way elsewhere, or its worker died mid-send: look again once it passes.
            deliver.using(run_after=delivery.claimed_until).enqueue(delivery.pk)
            return None
        if _earlier_pending(delivery):
            return None  # sent on by the earlier one's success
        body = _body(delivery.event)
        if body is None:
            delivery.status = Delivery.Status.SKIPPED
            delivery.save(update_fields=["status"])
            _send_next(delivery)
            return None
        delivery.attempts += 1
        timeout = timedelta(seconds=settings.WEBHOOK_TIMEOUT_SECONDS)
        delivery.claimed_until = now + timeout + CLAIM_MARGIN
        delivery.save(update_fields=["attempts", "claimed_until"])
    return delivery, body


def _body(event):
    """The event's bytes, written once, at its first sending, and the same ever after."""
    event = Event.objects.select_for_update().get(pk=event.pk)
    if event.payload is None:
        payload = payloads.build(event)
        if payload is None:
            return None
        event.payload = payload
        event.save(update_fields=["payload"])
    return json.dumps(event.payload, separators=(",", ":"), ensure_ascii=False).encode()


class Outcome:
    def __init__(self, *, at, status_code=None, error="", excerpt="", milliseconds=0):
        self.at, self.status_code, self.error = at, status_code, error
        self.excerpt, self.milliseconds = excerpt, milliseconds

    @property
    def succeeded(self):
        return self.status_code is not None and 200 <= self.status_code < 300


def _post(delivery, body):
    at = timezone.now()
    headers = {
        "Content-Type": "application/json",
        "User-Agent": USER_AGENT,
        **signing.headers(
            delivery.endpoint.secret, delivery.event.message_id, int(at.timestamp()), body
        ),
    }
    request = urllib.request.Request(delivery.endpoint.url, data=body, headers=headers)
    started = time.monotonic()
    try:
        with urllib.request.urlopen(request, timeout=settings.WEBHOOK_TIMEOUT_SECONDS) as answer:
            status, excerpt, error = answer.status, answer.read(EXCERPT), ""
    except urllib.error.HTTPError as failure:
        status, excerpt, error = failure.code, failure.read(EXCERPT), f"HTTP {failure.code}"
    except (OSError, ValueError) as failure:  # refused, timed out, unreachable, bad URL
        status, excerpt, error = None, b"", f"{type(failure).__name__}: {failure}"
    return Outcome(
        at=at,
        status_code=status,
        error=error,
        excerpt=excerpt.decode("utf-8", "replace"),
        milliseconds=round((time.monotonic() - started) * 1000),
    )


def _record(delivery_id, outcome):
    with transaction.atomic():
        delivery = Delivery.objects.select_for_update().select_related("event").get(pk=delivery_id)
        Attempt.objects.create(
            delivery=delivery,
            attempted_at=outcome.at,
            status_code=outcome.status_code,
            error=outcome.error[:2000],
            response_excerpt=outcome.excerpt,
            milliseconds=outcome.milliseconds,
        )
        delivery.claimed_until = None
        if outcome.succeeded:
            delivery.status, delivery.delivered_at = Delivery.Status.DELIVERED, timezone.now()
            delivery.last_error = ""
            delivery.save()
            _send_next(delivery)
            return
        delivery.last_error = outcome.error or f"HTTP {outcome.status_code}"
        delays = settings.WEBHOOK_RETRY_DELAYS
        if delivery.attempts > len(delays):
            delivery.status = Delivery.Status.FAILED
            delivery.save()
            notices.disable_for_failures(endpoint_id=delivery.endpoint_id, delivery=delivery)
            return
        delivery.next_attempt_at = timezone.now() + timedelta(seconds=delays[delivery.attempts - 1])
        delivery.save()
        deliver.using(run_after=delivery.next_attempt_at).enqueue(delivery.pk)


def _send_next(delivery):
    """The next pending delivery of the same story to the same endpoint, now free to go."""
    following = (
        Delivery.objects.filter(
            endpoint_id=delivery.endpoint_id,
            event__story_id=delivery.event.story_id,
            event_id__gt=delivery.event_id,
            status=PENDING,
        )
        .order_by("event_id")
        .first()
    )
    if following is not None:
        deliver.enqueue(following.pk)
