"""A reader's sign-in, in a signed cookie of its own: no staff session, no `request.user`.

The cookie (`reader`) holds the reader's id and session version, signed with the site's
key; it is HttpOnly and sent only with same-site requests that navigate (SameSite=Lax).
Public pages never read it, so they stay the same for everyone and the edge keeps them
(the edge drops every cookie but the staff session's on public pages). A second cookie,
`reader_hint`, readable by the page's script, says only "someone is signed in here": the
script asks the private endpoint who only when it is present, so anonymous visits cost
the app servers nothing.
"""

from datetime import timedelta

from django.conf import settings
from django.core import signing
from django.utils import timezone

from .models import Reader

COOKIE = "reader"
HINT_COOKIE = "reader_hint"
SALT = "readers.session"
MAX_AGE = timedelta(days=90)


def current_reader(request) -> Reader | None:
    if hasattr(request, "_reader"):
        return request._reader
    reader = None
    value = request.COOKIES.get(COOKIE)
    if value:
        try:
            data = signing.loads(value, salt=SALT, max_age=MAX_AGE)
            reader = Reader.objects.filter(pk=data["r"], session_version=data["v"]).first()
        except (signing.BadSignature, KeyError, TypeError):
            reader = None
    request._reader = reader
    return reader


def _cookie_options():
    return {
        "secure": settings.SESSION_COOKIE_SECURE,
        "samesite": "Lax",
        "max_age": int(MAX_AGE.total_seconds()),
    }


def start(response, reader: Reader) -> None:
    value = signing.dumps({"r": reader.pk, "v": reader.session_version}, salt=SALT)
    response.set_cookie(COOKIE, value, httponly=True, **_cookie_options())
    response.set_cookie(HINT_COOKIE, "1", httponly=False, **_cookie_options())


def end(response) -> None:
    response.delete_cookie(COOKIE, samesite="Lax")
    response.delete_cookie(HINT_COOKIE, samesite="Lax")


def touch(reader: Reader) -> None:
    Reader.objects.filter(pk=reader.pk).update(signed_in_at=timezone.now())
