"""Unsubscribe addresses: each names one subscription and is signed with the site's key.

They never expire (a mail read a year later must still unsubscribe) and need no storage;
a forged or altered one is refused.
"""

from django.core import signing

from links import address

from .rendering import absolute

SALT = "newsletters.unsubscribe"


def key_for(reader_id: int, newsletter_id: int) -> str:
    return signing.dumps([reader_id, newsletter_id], salt=SALT, compress=True)


def url_for(reader_id: int, newsletter) -> str:
    """The newsletter's unsubscribe page for this reader, in its edition."""
    key = key_for(reader_id, newsletter.pk)
    return absolute(address("newsletters:unsubscribe", language=newsletter.language, key=key))


def read(key: str):
    """(reader_id, newsletter_id), or None for a key this site did not sign."""
    if not isinstance(key, str) or len(key) > 200:
        return None
    try:
        reader_id, newsletter_id = signing.loads(key, salt=SALT)
        return int(reader_id), int(newsletter_id)
    except (signing.BadSignature, ValueError, TypeError):
        return None
