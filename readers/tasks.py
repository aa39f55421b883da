"""Readers' work on the one task queue (docs/queue.md)."""

from datetime import timedelta

from django.utils import timezone

from jobs.compat import task

from . import throttle, tokens
from .models import Attempt


@task()
def prune():
    """Daily: links expired a day ago, and throttle counts older than their window."""
    old = timezone.now() - throttle.WINDOW - timedelta(hours=1)
    attempts, _ = Attempt.objects.filter(at__lt=old).delete()
    return {"links": tokens.prune(), "attempts": attempts}
