"""Who is asking: an API key in `Authorization: Bearer …`, checked on every request.

Every request is checked at the origin, the edge's too (docs/api.md, "Caching"): an edge
copy is kept per key (`Vary: Authorization`), so a request without a valid key never
reaches a copy made for one.
"""

from django.contrib.auth.models import AnonymousUser
from rest_framework import authentication, exceptions, permissions

from .keys import active_key

SCHEME = "Bearer"


class ApiKeyAuthentication(authentication.BaseAuthentication):
    def authenticate(self, request):
        header = authentication.get_authorization_header(request).decode("latin-1")
        scheme, _, raw = header.partition(" ")
        if not header:
            return None  # no key: HasApiKey answers 401
        if scheme.lower() != SCHEME.lower() or not raw.strip():
            raise exceptions.AuthenticationFailed(
                "Send your API key as `Authorization: Bearer <key>`."
            )
        key = active_key(raw.strip())
        if key is None:
            raise exceptions.AuthenticationFailed("This API key is not valid or was revoked.")
        # An anonymous reader with a key: nothing here is a staff session.
        return AnonymousUser(), key

    def authenticate_header(self, request):
        # Makes DRF answer 401 (with this challenge), not 403, without a valid key.
        return f'{SCHEME} realm="api"'


class HasApiKey(permissions.BasePermission):
    message = "An API key is needed: send it as `Authorization: Bearer <key>` (docs/api.md)."

    def has_permission(self, request, view):
        return request.auth is not None
