"""Single-use, expiring links: made with a secret only the mail holds, spent by a POST.

`issue` returns the secret for the mail and stores its SHA-256; `peek` tells a GET page
whether a link is still good without spending it (a mail scanner's fetch changes
nothing); `spend` marks it used under a row lock, so two POSTs of one link sign in once.
"""

import hashlib
import secrets
from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from .models import Token

LIFETIME = timedelta(minutes=30)
SUBSCRIBE_LIFETIME = timedelta(days=3)  # a confirmation may wait in an inbox


class InvalidToken(Exception):
    """The link is unknown, used or expired; the message says which, for the reader."""


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def issue(*, email: str, purpose: str, subject: str = "", lifetime=None) -> str:
    secret = secrets.token_urlsafe(32)
    if lifetime is None:
        lifetime = SUBSCRIBE_LIFETIME if purpose == Token.Purpose.SUBSCRIBE else LIFETIME
    Token.objects.create(
        digest=digest(secret),
        email=email,
        purpose=purpose,
        subject=subject,
        expires_at=timezone.now() + lifetime,
    )
    return secret


def _check(token, purpose):
    if token is None or token.purpose != purpose:
        raise InvalidToken(gettext("This link is not valid. Ask for a new one below."))
    if token.used_at is not None:
        raise InvalidToken(gettext("This link has been used already. Ask for a new one below."))
    if token.expires_at <= timezone.now():
        raise InvalidToken(gettext("This link has expired. Ask for a new one below."))
    return token


def peek(secret: str, purpose: str) -> Token:
    """The link's token if it could still be spent; changes nothing."""
    if not isinstance(secret, str) or len(secret) > 100:
        raise InvalidToken(gettext("This link is not valid. Ask for a new one below."))
    return _check(Token.objects.filter(digest=digest(secret)).first(), purpose)


def spend(secret: str, purpose: str) -> Token:
    """Mark the link used and return its token; InvalidToken if it cannot be spent.

    Call inside the transaction that does what the link is for.
    """
    if not isinstance(secret, str) or len(secret) > 100:
        raise InvalidToken(gettext("This link is not valid. Ask for a new one below."))
    with transaction.atomic():
        token = _check(
            Token.objects.select_for_update().filter(digest=digest(secret)).first(), purpose
        )
        token.used_at = timezone.now()
        token.save(update_fields=["used_at"])
    return token


def prune(now=None) -> int:
    """Delete links expired a day ago or more (used or not): they prove nothing any more."""
    now = now or timezone.now()
    deleted, _ = Token.objects.filter(expires_at__lt=now - timedelta(days=1)).delete()
    return deleted
