from django.db import models


class PeriodicRun(models.Model):
    """When a periodic task is next due: one row a task, locked by the clock that enqueues it."""

    name = models.CharField(max_length=200, primary_key=True)
    next_run = models.DateTimeField()

    def __str__(self):
        return f"{self.name} at {self.next_run:%Y-%m-%d %H:%M:%S}"
