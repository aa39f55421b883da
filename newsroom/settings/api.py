"""The content API (api/, docs/api.md) and its webhooks (webhooks/)."""

from .base import SITE_NAME, env

REST_FRAMEWORK = {
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "UNAUTHENTICATED_USER": "django.contrib.auth.models.AnonymousUser",
}
SPECTACULAR_SETTINGS = {
    "TITLE": f"{SITE_NAME} content API",
    "DESCRIPTION": "Public stories, authors, tags, sections, search and corrections, "
    "read with an API key (docs/api.md).",
    "VERSION": "1",
    "SERVE_AUTHENTICATION": [],
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "COMPONENT_SPLIT_REQUEST": True,
}
# The pauses between a webhook delivery's attempts, in seconds: about 27 hours in all (the
# Standard Webhooks schedule). After the last, the delivery has failed and its endpoint is
# disabled, with a notice to its contact.
WEBHOOK_RETRY_DELAYS = env.list(
    "WEBHOOK_RETRY_DELAYS", cast=float, default=[5, 300, 1800, 7200, 18000, 36000, 36000]
)
WEBHOOK_TIMEOUT_SECONDS = env.float("WEBHOOK_TIMEOUT_SECONDS", default=10.0)
# How often scheduled stories whose time came are announced (story.published).
WEBHOOK_SWEEP_SECONDS = env.int("WEBHOOK_SWEEP_SECONDS", default=30)
