from django.apps import AppConfig


class FrontpageConfig(AppConfig):
    name = "frontpage"
    verbose_name = "Front page"

    def ready(self):
        from jobs import periodic

        from . import most_read, tasks

        periodic.register(tasks.refresh_most_read, every=most_read.REFRESH_PERIOD)
