"""A queue worker: takes back its previous life's jobs, keeps the clock, then runs jobs.

`manage.py run_worker --worker-id web-1` is what `make run` and the deploy start, one per
worker slot, each under a name of its own that stays the same across restarts.
"""

import logging
import os
import threading

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import close_old_connections

from jobs import periodic, recovery

logger = logging.getLogger(__name__)

CLOCK_SECONDS = 5


class Command(BaseCommand):
    help = "Run a queue worker (and the periodic tasks' clock) under a stable name."

    def add_arguments(self, parser):
        parser.add_argument(
            "--worker-id",
            default=os.environ.get("WORKER_ID", "local"),
            help="This worker's name, unique among running workers and the same across "
            "restarts (default: $WORKER_ID, else 'local').",
        )
        parser.add_argument(
            "--batch", action="store_true", help="Run every job that is ready, then exit."
        )
        parser.add_argument(
            "--interval", type=float, default=1.0, help="Seconds between looks at an empty queue."
        )

    def handle(self, *, worker_id, batch, interval, verbosity, **options):
        taken_back = recovery.reclaim(worker_id)
        if taken_back and verbosity:
            self.stdout.write(f"Took back {taken_back} unfinished job(s) of {worker_id}.")
        if batch:
            periodic.enqueue_due()
        else:
            threading.Thread(target=_clock, name="jobs-clock", daemon=True).start()
        call_command(
            "db_worker",
            worker_id=worker_id,
            queue_name="*",
            batch=batch,
            interval=interval,
            reload=False,
            startup_delay=False,
            verbosity=verbosity,
        )


def _clock(stop=None):
    stop = stop or threading.Event()
    while not stop.wait(CLOCK_SECONDS):
        close_old_connections()
        try:
            periodic.enqueue_due()
        except Exception:  # the clock must outlive any one tick
            logger.exception("The periodic tasks' clock failed a tick")
