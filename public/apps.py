from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = "Public site"

    def ready(self):
        from . import freshness, sitemaps

        freshness.connect()
        sitemaps.connect()
