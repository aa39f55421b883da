"""A real worker process killed mid-job (SIGKILL: no chance to tidy up), started again
under its name: the job runs again and finishes.

The worker is another process, so it needs a database another process can open: the
PostgreSQL run has one; SQLite's test database lives in this process's memory.
"""

import signal
from pathlib import Path

import pytest
from django_tasks_db.models import DBTaskResult

from jobs.compat import TaskResultStatus
from jobs.testing import needs_worker_process, start_worker, wait_for
from jobs.tests.tasks import slow_first_time

pytestmark = [pytest.mark.django_db(transaction=True), needs_worker_process]


def test_a_job_whose_worker_was_killed_runs_again_when_the_worker_restarts(tmp_path: Path):
    result = slow_first_time.enqueue(str(tmp_path))
    worker = start_worker("web-1")
    try:
        wait_for(lambda: (tmp_path / "attempt-1").exists(), "the first attempt to start")
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=120)
        assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.RUNNING

        worker = start_worker("web-1")
        wait_for(lambda: (tmp_path / "finished").exists(), "the job to finish")
        wait_for(
            lambda: DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL,
            "the job to be marked successful",
        )
    finally:
        worker.terminate()
        worker.wait(timeout=120)

    assert (tmp_path / "finished").read_text() == "2"
    assert sorted(p.name for p in tmp_path.glob("attempt-*")) == ["attempt-1", "attempt-2"]
