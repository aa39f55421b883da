from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = "Public site"

    def ready(self):
        from . import signals, sitemaps

        signals.connect()
        sitemaps.connect()
