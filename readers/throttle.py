"""How many links one address, or one network address, may ask for in a window.

Counted in the database (hashes of the address, not the address), so every app server
sees the same counts and a cache outage opens nothing. Sign-in and sign-up share the
limits: both send mail to someone who may not have asked for it.
"""

import hashlib
from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.utils import timezone
from django.utils.translation import gettext, ngettext

from proxies import client_address

from .models import Attempt

WINDOW = timedelta(hours=1)


@dataclass(frozen=True)
class Limit:
    scope: str
    per_window: int


def per_address():
    return Limit("address", settings.READER_LINKS_PER_ADDRESS)


def per_ip():
    return Limit("ip", settings.READER_LINKS_PER_IP)


class Throttled(Exception):
    def __init__(self, message, retry_after):
        super().__init__(message)
        self.retry_after = retry_after


def _hash(value: str) -> str:
    return hashlib.sha256(f"{settings.SECRET_KEY}:{value}".encode()).hexdigest()


def check(limit: Limit, value: str, now=None) -> None:
    """Count one request for `value`; Throttled when the window already holds its limit."""
    now = now or timezone.now()
    key = _hash(value)
    since = now - WINDOW
    Attempt.objects.filter(scope=limit.scope, key=key, at__lt=since).delete()
    recent = list(
        Attempt.objects.filter(scope=limit.scope, key=key, at__gte=since)
        .order_by("at")
        .values_list("at", flat=True)[: limit.per_window]
    )
    if len(recent) >= limit.per_window:
        minutes = max(1, int((recent[0] + WINDOW - now).total_seconds() // 60) + 1)
        if limit.scope == "address":
            too_many = gettext("Too many links were asked for this address in the last hour.")
        else:
            too_many = gettext("Too many links were asked for your network in the last hour.")
        again = ngettext(
            "Please try again in %(minutes)d minute.",
            "Please try again in %(minutes)d minutes.",
            minutes,
        ) % {"minutes": minutes}
        raise Throttled(f"{too_many} {again}", retry_after=minutes * 60)
    Attempt.objects.create(scope=limit.scope, key=key, at=now)


def check_request(request, email: str) -> None:
    """Both limits for one request asking for a link to `email`."""
    check(per_address(), email)
    check(per_ip(), client_ip(request))


def client_ip(request) -> str:
    """The client's address, read as the staff sign-in's throttle reads it."""
    return client_address(request) or "unknown"
