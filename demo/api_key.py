"""The demo's API key: derived from the site's SECRET_KEY, so `make run` prints the same
key every time and stores it once (hashed, like any other)."""

import hashlib
import hmac

from django.conf import settings

from api.keys import PREFIX, active_key, issue_key

NAME = "Demo (make run)"


def demo_key() -> str:
    digest = hmac.new(settings.SECRET_KEY.encode(), b"demo content API key", hashlib.sha256)
    raw = f"{PREFIX}demo_{digest.hexdigest()[:32]}"
    if active_key(raw) is None:
        issue_key(name=NAME, raw=raw)
    return raw
