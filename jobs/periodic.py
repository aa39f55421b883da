"""Tasks that run every so often: most-read lists, due newsletters, webhook retries.

An app registers a task once, when it is ready (`register(refresh, every=timedelta(minutes=5))`).
Every worker runs a clock that calls `enqueue_due()` a few times a minute; each task's
`PeriodicRun` row is locked (skipping a row another clock holds) while it is enqueued and
its next time written, so however many workers run, a due task is enqueued once. A task
still waiting in the queue is not enqueued again: a stopped worker does not come back to
a pile of the same job.
"""

import logging
from datetime import timedelta

from django.db import DatabaseError, transaction
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from jobs.compat import TaskResultStatus
from jobs.models import PeriodicRun

logger = logging.getLogger(__name__)

_schedule = {}


def register(task, *, every: timedelta):
    """Run `task` (a django-tasks task taking no arguments) every `every`."""
    if every <= timedelta(0):
        raise ValueError("a periodic task needs a positive interval")
    _schedule[task.module_path] = (task, every)
    return task


def registered():
    return dict(_schedule)


def enqueue_due(now=None):
    """Enqueue each registered task whose time has come; the names of those enqueued."""
    now = now or timezone.now()
    enqueued = []
    for name, (task, every) in _schedule.items():
        try:
            if _enqueue_if_due(name, task, every, now):
                enqueued.append(name)
        except DatabaseError:  # a busy or restarting database: the next tick tries again
            logger.warning("Could not enqueue the periodic task %s", name, exc_info=True)
    return enqueued


def _enqueue_if_due(name, task, every, now):
    PeriodicRun.objects.get_or_create(name=name, defaults={"next_run": now})
    with transaction.atomic():
        run = PeriodicRun.objects.select_for_update(skip_locked=True).filter(name=name).first()
        if run is None or run.next_run > now:  # another clock holds it, or not yet due
            return False
        run.next_run = now + every
        run.save(update_fields=["next_run"])
        if DBTaskResult.objects.filter(task_path=name, status=TaskResultStatus.READY).exists():
            return False
        task.enqueue()
        return True
