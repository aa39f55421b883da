"""The front page's periodic work, run by the task queue's workers (jobs/)."""

from jobs.compat import task

from . import most_read


@task()
def refresh_most_read():
    """Let the "Most read" lists be drawn again from the counts (every five minutes)."""
    most_read.refresh_now()
