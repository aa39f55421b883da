"""Absolute addresses in what the API serves and webhooks carry: the site's own, from
SITE_URL, never the request's Host (a webhook has no request)."""

from django.conf import settings
from django.urls import reverse


def absolute(path: str) -> str:
    if path.startswith(("http://", "https://")):
        return path
    return f"{settings.SITE_URL}{path}"


def api_url(name: str, **kwargs) -> str:
    return absolute(reverse(f"api:{name}", kwargs=kwargs or None))
