"""Jobs that outlive the worker running them.

django-tasks-db marks a job RUNNING when a worker claims it and never looks at it again,
so a worker killed mid-job (out of memory, a deploy, `kill -9`) would leave that job
unfinished for ever. Workers here have stable names (`run_worker --worker-id`), one per
slot of the deploy; a worker starting under a name takes back, as READY, every job that
name still held: it is the only process that could have been running them. Tasks are
written to be safe to run again (the newsletter ledger, the webhook outbox).
"""

import logging

from django.db import transaction
from django_tasks_db.models import DBTaskResult

from jobs.compat import TaskResultStatus

logger = logging.getLogger(__name__)


def held_by(worker_id):
    """The jobs a worker of that name claimed and did not finish."""
    running = DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING)
    return [job for job in running if job.worker_ids and job.worker_ids[-1] == worker_id]


def reclaim(worker_id):
    """Put back in the queue what `worker_id`'s previous life held; how many jobs."""
    with transaction.atomic():
        ids = [job.pk for job in held_by(worker_id)]
        count = DBTaskResult.objects.filter(pk__in=ids, status=TaskResultStatus.RUNNING).update(
            status=TaskResultStatus.READY, started_at=None
        )
    if count:
        logger.warning("Worker %s took back %d unfinished job(s)", worker_id, count)
    return count
