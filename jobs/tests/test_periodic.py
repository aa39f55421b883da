"""Periodic tasks: enqueued once when due, whatever the number of clocks, and never
piled up behind a stopped worker."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from jobs import periodic
from jobs.compat import TaskResultStatus
from jobs.models import PeriodicRun
from jobs.tests.tasks import tick

# The worker closes a connection it finds inside a transaction, as a test's would be:
# these tests commit for real, as the worker's jobs do.
pytestmark = pytest.mark.django_db(transaction=True)

NAME = tick.module_path


@pytest.fixture
def every_five_minutes(monkeypatch):
    monkeypatch.setattr(periodic, "_schedule", {})
    periodic.register(tick, every=timedelta(minutes=5))


def queued():
    return DBTaskResult.objects.filter(task_path=NAME, status=TaskResultStatus.READY).count()


@pytest.mark.usefixtures("every_five_minutes")
def test_a_registered_task_is_enqueued_once_when_due_and_again_after_its_interval():
    now = timezone.now()

    assert periodic.enqueue_due(now) == [NAME]
    assert periodic.enqueue_due(now + timedelta(seconds=10)) == []  # a second clock, or tick
    assert queued() == 1
    assert PeriodicRun.objects.get(name=NAME).next_run == now + timedelta(minutes=5)

    call_command("run_worker", worker_id="tests", batch=True, verbosity=0)
    assert queued() == 0
    assert periodic.enqueue_due(now + timedelta(minutes=5)) == [NAME]


@pytest.mark.usefixtures("every_five_minutes")
def test_a_due_task_still_waiting_in_the_queue_is_not_enqueued_again():
    now = timezone.now()
    periodic.enqueue_due(now)

    for minutes in (5, 10, 15):  # the worker is down for a quarter of an hour
        assert periodic.enqueue_due(now + timedelta(minutes=minutes)) == []

    assert queued() == 1


def test_an_interval_must_be_positive():
    with pytest.raises(ValueError, match="positive interval"):
        periodic.register(tick, every=timedelta(0))
