"""Tasks for the queue's own tests: each leaves a trace in a folder the test gives it."""

import time
from pathlib import Path

from jobs.compat import task


@task()
def write_mark(folder, name):
    (Path(folder) / name).write_text("done")


@task()
def slow_first_time(folder):
    """Marks each attempt; the first one then waits long enough to be killed."""
    folder = Path(folder)
    attempts = len(list(folder.glob("attempt-*")))
    (folder / f"attempt-{attempts + 1}").write_text("")
    if attempts == 0:
        time.sleep(120)
    (folder / "finished").write_text(str(attempts + 1))


@task()
def tick():
    return "ticked"
