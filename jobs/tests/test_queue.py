"""The task queue: jobs exist only when their transaction commits, a worker runs them,
and a worker that died mid-job gets its jobs back when it starts again."""

import pytest
from django.core.management import call_command
from django.db import transaction
from django_tasks_db.models import DBTaskResult

from jobs import recovery
from jobs.compat import TaskResultStatus
from jobs.tests.tasks import write_mark

# The worker closes a connection it finds inside a transaction, as a test's would be:
# these tests commit for real, as the worker's jobs do.
pytestmark = pytest.mark.django_db(transaction=True)


def run_worker(worker_id="tests"):
    call_command("run_worker", worker_id=worker_id, batch=True, verbosity=0)


def test_a_job_enqueued_in_a_transaction_that_rolls_back_never_exists(tmp_path):
    def change_that_fails():
        with transaction.atomic():
            write_mark.enqueue(str(tmp_path), "never")
            raise RuntimeError("the change failed")

    with pytest.raises(RuntimeError, match="the change failed"):
        change_that_fails()

    assert not DBTaskResult.objects.exists()
    run_worker()
    assert not (tmp_path / "never").exists()


def test_the_worker_runs_every_ready_job_and_records_the_outcome(tmp_path):
    first = write_mark.enqueue(str(tmp_path), "first")
    second = write_mark.enqueue(str(tmp_path), "second")

    run_worker()

    assert (tmp_path / "first").read_text() == "done"
    assert (tmp_path / "second").read_text() == "done"
    statuses = set(
        DBTaskResult.objects.filter(pk__in=[first.id, second.id]).values_list("status", flat=True)
    )
    assert statuses == {TaskResultStatus.SUCCESSFUL}


def test_a_worker_starting_again_takes_back_the_jobs_its_killed_life_held(tmp_path):
    write_mark.enqueue(str(tmp_path), "held")
    job = DBTaskResult.objects.get()
    job.claim("web-1")  # as a worker does just before it runs a job, then it was killed

    run_worker("web-2")  # another worker leaves it: web-1 may still be running it
    job.refresh_from_db()
    assert job.status == TaskResultStatus.RUNNING
    assert not (tmp_path / "held").exists()

    run_worker("web-1")  # web-1 again: nothing of its previous life can still be running
    job.refresh_from_db()
    assert job.status == TaskResultStatus.SUCCESSFUL
    assert (tmp_path / "held").read_text() == "done"
    assert job.worker_ids == ["web-1", "web-1"]


def test_reclaim_counts_only_the_named_workers_running_jobs(tmp_path):
    for name in ("a", "b", "c"):
        write_mark.enqueue(str(tmp_path), name)
    jobs = list(DBTaskResult.objects.all())
    jobs[0].claim("web-1")
    jobs[1].claim("web-2")

    assert recovery.reclaim("web-1") == 1
    assert recovery.reclaim("web-1") == 0
    assert DBTaskResult.objects.filter(status=TaskResultStatus.RUNNING).count() == 1
