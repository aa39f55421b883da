"""For tests that run real worker processes against the test database.

A worker is another process, so it needs a database another process can open: the
PostgreSQL run has one; SQLite's test database lives in the test process's memory.
Tests using `start_worker` carry `needs_worker_process` and commit for real
(`django_db(transaction=True)`).
"""

import os
import subprocess
import sys
import time

import pytest
from django.conf import settings
from django.db import connection

needs_worker_process = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="a worker process needs a database it can open: runs on PostgreSQL",
)


def start_worker(worker_id, **environment):
    """`manage.py run_worker` under `worker_id` on the test database, with `environment`."""
    db = connection.settings_dict
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "newsroom.test_settings",
        "DATABASE_URL": f"postgres://{db['USER']}@{db['HOST']}:{db['PORT']}/{db['NAME']}",
        **environment,
    }
    return subprocess.Popen(
        [sys.executable, "manage.py", "run_worker", "--worker-id", worker_id, "--interval", "0.1"],
        cwd=settings.BASE_DIR,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


def wait_for(condition, what, *, seconds=120):
    """Poll `condition` until it holds; the limit is for a machine under load, and each
    wait ends as soon as what it waits for happens."""
    deadline = time.monotonic() + seconds
    while not condition():
        if time.monotonic() > deadline:
            raise AssertionError(f"gave up waiting for {what}")
        time.sleep(0.05)
