from django.apps import AppConfig


class StaffConfig(AppConfig):
    name = "staff"
    verbose_name = "Staff security"

    def ready(self):
        from . import receivers

        receivers.connect()
