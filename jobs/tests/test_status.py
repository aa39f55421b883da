"""The queue's depth and its oldest job's wait, as /healthz reports them."""

from datetime import timedelta

import pytest
from django.utils import timezone

from jobs.status import queue_status
from jobs.tests.tasks import tick

pytestmark = pytest.mark.django_db


def test_depth_counts_ready_jobs_and_the_wait_is_the_oldest_ones():
    assert queue_status() == {"depth": 0, "oldest_wait_seconds": 0}
    tick.enqueue()
    tick.enqueue()
    tick.using(run_after=timezone.now() + timedelta(hours=1)).enqueue()  # not ready yet

    status = queue_status(now=timezone.now() + timedelta(seconds=90))

    assert status["depth"] == 2
    assert 89 <= status["oldest_wait_seconds"] <= 91


def test_healthz_reports_the_queue(client):
    tick.enqueue()

    queue = client.get("/healthz").json()["queue"]

    assert queue["depth"] == 1
