"""How far behind the queue is: the number of jobs ready to run and the oldest one's wait."""

from django.utils import timezone
from django_tasks_db.models import DBTaskResult


def queue_status(now=None):
    now = now or timezone.now()
    ready = DBTaskResult.objects.ready()
    oldest = ready.order_by("enqueued_at").values_list("enqueued_at", flat=True).first()
    return {
        "depth": ready.count(),
        "oldest_wait_seconds": round((now - oldest).total_seconds()) if oldest else 0,
    }
