from datetime import timedelta

from django.apps import AppConfig
from django.conf import settings


class WebhooksConfig(AppConfig):
    name = "webhooks"
    verbose_name = "Webhooks"

    def ready(self):
        from jobs import periodic

        from . import receivers, schedule

        receivers.connect()
        periodic.register(schedule.sweep, every=timedelta(seconds=settings.WEBHOOK_SWEEP_SECONDS))
