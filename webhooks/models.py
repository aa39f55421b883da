"""Webhooks: partners' endpoints, the outbox of events, and every delivery and attempt.

An event is written in the same transaction as the change it tells of (receivers.py),
with one delivery per endpoint that wants it and the queue's job to send it: the change,
its event and the work of delivering it commit together or not at all. The event's body
is written once, when it is first sent, from the story as committed (`payload`), and
every attempt and replay sends that same body under the same `webhook-id`.
"""

import uuid

from django.db import models


class EventType(models.TextChoices):
    STORY_PUBLISHED = "story.published", "Story published"
    STORY_UPDATED = "story.updated", "Story updated"
    STORY_CORRECTED = "story.corrected", "Story corrected"
    STORY_UNPUBLISHED = "story.unpublished", "Story unpublished"
    LIVE_ENTRY_POSTED = "live_entry.posted", "Live entry posted"


def _message_id():
    return f"msg_{uuid.uuid4().hex}"


class Endpoint(models.Model):
    url = models.URLField(
        max_length=500, help_text="Where events are POSTed (HTTPS in production)."
    )
    description = models.CharField(max_length=200, blank=True, help_text="Whose endpoint it is.")
    contact_email = models.EmailField(
        blank=True, help_text="Told when the endpoint is disabled after failing for a day."
    )
    event_types = models.JSONField(
        default=list, blank=True, help_text="The events it receives; empty for all of them."
    )
    # "whsec_" and base64, as the Standard Webhooks libraries read it.
    secret = models.CharField(max_length=100, editable=False)
    is_active = models.BooleanField(default=True, editable=False)
    disabled_at = models.DateTimeField(null=True, blank=True, editable=False)
    disabled_reason = models.TextField(blank=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["url", "pk"]

    def __str__(self):
        return self.description or self.url

    def wants(self, event_type):
        return not self.event_types or event_type in self.event_types


class Event(models.Model):
    """One thing that happened to a public story, in the order it happened (`pk`)."""

    message_id = models.CharField(max_length=40, unique=True, default=_message_id, editable=False)
    type = models.CharField(max_length=40, choices=EventType)
    story_id = models.BigIntegerField(db_index=True)
    story_slug = models.CharField(max_length=200, blank=True)
    subject_id = models.BigIntegerField(
        null=True, blank=True, help_text="The entry posted, or the correction made."
    )
    # Makes an announcement once: a story's publication at a given time.
    once_key = models.CharField(max_length=120, unique=True, null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    payload = models.JSONField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["-pk"]

    def __str__(self):
        return f"{self.type} ({self.message_id})"


class Delivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", "Pending"
        DELIVERED = "delivered", "Delivered"
        FAILED = "failed", "Failed"
        SKIPPED = "skipped", "Skipped (the story was no longer public)"

    event = models.ForeignKey(Event, on_delete=models.CASCADE, related_name="deliveries")
    endpoint = models.ForeignKey(Endpoint, on_delete=models.CASCADE, related_name="deliveries")
    status = models.CharField(max_length=10, choices=Status, default=Status.PENDING)
    attempts = models.PositiveIntegerField(default=0)
    next_attempt_at = models.DateTimeField(null=True, blank=True)
    # While an attempt is under way: a worker killed mid-attempt leaves this, and the
    # job taken back waits until it has passed before sending again.
    claimed_until = models.DateTimeField(null=True, blank=True)
    delivered_at = models.DateTimeField(null=True, blank=True)
    last_error = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "deliveries"
        ordering = ["-pk"]
        constraints = [
            models.UniqueConstraint(fields=["event", "endpoint"], name="one_delivery_per_endpoint")
        ]
        indexes = [models.Index(fields=["endpoint", "status"], name="delivery_endpoint_status")]

    def __str__(self):
        return f"{self.event} to {self.endpoint}"


class Attempt(models.Model):
    """One POST of a delivery: the log an administrator reads."""

    delivery = models.ForeignKey(Delivery, on_delete=models.CASCADE, related_name="log")
    attempted_at = models.DateTimeField()
    status_code = models.PositiveIntegerField(null=True, blank=True)
    error = models.TextField(blank=True)
    response_excerpt = models.TextField(blank=True)
    milliseconds = models.PositiveIntegerField(default=0)

    class Meta:
        ordering = ["-attempted_at", "-pk"]

    def __str__(self):
        return f"{self.delivery} at {self.attempted_at:%Y-%m-%d %H:%M:%S}"

    @property
    def succeeded(self):
        return self.status_code is not None and 200 <= self.status_code < 300


class SweepMark(models.Model):
    """How far the sweep for scheduled stories has looked (one row)."""

    name = models.CharField(max_length=40, primary_key=True)
    swept_until = models.DateTimeField()

    def __str__(self):
        return f"{self.name} until {self.swept_until}"
