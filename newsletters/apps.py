from datetime import timedelta

from django.apps import AppConfig


class NewslettersConfig(AppConfig):
    name = "newsletters"
    verbose_name = "Newsletters"

    def ready(self):
        from jobs import periodic

        from . import account, receivers, tasks

        account.register()
        receivers.connect()
        # Due daily editions are made (and their sends started) within a minute of their time.
        periodic.register(tasks.make_due_editions, every=timedelta(minutes=1))
