from django.apps import AppConfig


class PublicConfig(AppConfig):
    name = "public"
    verbose_name = "Public site"

    def ready(self):
        from . import invalidation, related, sitemaps

        invalidation.connect()
        sitemaps.connect()
        related.connect()
