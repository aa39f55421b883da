from datetime import timedelta

from django.apps import AppConfig


class ReadersConfig(AppConfig):
    name = "readers"
    verbose_name = "Readers"

    def ready(self):
        from jobs import periodic

        from . import tasks

        periodic.register(tasks.prune, every=timedelta(days=1))
