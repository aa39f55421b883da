"""A real worker process killed mid-job (SIGKILL: no chance to tidy up), started again
under its name: the job runs again and finishes.

The worker is another process, so it needs a database another process can open: the
PostgreSQL run has one; SQLite's test database lives in this process's memory.
"""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django_tasks_db.models import DBTaskResult

from jobs.compat import TaskResultStatus
from jobs.tests.tasks import slow_first_time

pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="a worker process needs a database it can open: runs on PostgreSQL",
    ),
]

WAIT_SECONDS = 60  # each wait ends as soon as what it waits for happens


def wait_for(condition, what):
    deadline = time.monotonic() + WAIT_SECONDS
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)


def start_worker(worker_id):
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.test_settings",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--worker-id", worker_id, "--interval", "0.1"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def test_a_job_whose_worker_was_killed_runs_again_when_the_worker_restarts(tmp_path: Path):
    result = slow_first_time.enqueue(str(tmp_path))
    worker = start_worker("web-1")
    try:
        wait_for(lambda: (tmp_path / "attempt-1").exists(), "the first attempt to start")
        worker.send_signal(signal.SIGKILL)
        worker.wait(timeout=WAIT_SECONDS)
        assert DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.RUNNING

        worker = start_worker("web-1")
        wait_for(lambda: (tmp_path / "finished").exists(), "the job to finish")
        wait_for(
            lambda: DBTaskResult.objects.get(pk=result.id).status == TaskResultStatus.SUCCESSFUL,
            "the job to be marked successful",
        )
    finally:
        worker.terminate()
        worker.wait(timeout=WAIT_SECONDS)

    assert (tmp_path / "finished").read_text() == "2"
    assert sorted(p.name for p in tmp_path.glob("attempt-*")) == ["attempt-1", "attempt-2"]
