"""Issuing, revoking and checking API keys: every write to them goes through here."""

import hashlib
import secrets

from django.db import transaction
from django.utils import timezone

import pagecache

from .models import ApiKey

PREFIX = "nr_"


def digest_of(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def issue_key(
    *, name: str, requests_per_minute: int | None = None, raw: str | None = None
) -> tuple[ApiKey, str]:
    """A new key named `name`; returns the row and the key itself, shown only this once.

    `raw` is for the demo's key, made from the site's secret so it is the same every run.
    """
    raw = raw or PREFIX + secrets.token_urlsafe(32)
    fields = {} if requests_per_minute is None else {"requests_per_minute": requests_per_minute}
    key = ApiKey.objects.create(name=name, prefix=raw[:10], digest=digest_of(raw), **fields)
    return key, raw


def key_surrogate(pk) -> str:
    """The surrogate key every answer made for API key `pk` carries (api/base.py)."""
    return f"api-key-{pk}"


def revoke_key(*, key: ApiKey) -> ApiKey:
    """Refuse the key from now on, and purge the edge's copies made for it (its row stays,
    so logs keep a name for it)."""
    with transaction.atomic():
        ApiKey.objects.filter(pk=key.pk, revoked_at__isnull=True).update(revoked_at=timezone.now())
        key.refresh_from_db()
        pagecache.invalidate([key_surrogate(key.pk)])
    return key


def change_limit(*, key: ApiKey, name: str, requests_per_minute: int) -> ApiKey:
    key.name, key.requests_per_minute = name, requests_per_minute
    key.save(update_fields=["name", "requests_per_minute"])
    return key


def active_key(raw: str) -> ApiKey | None:
    """The active key `raw` is, or None: one indexed query on its digest."""
    if not raw or len(raw) > 200:
        return None
    return ApiKey.objects.filter(digest=digest_of(raw), revoked_at__isnull=True).first()
