"""Who is knocking: the client's address and the account name typed, as throttling counts them.

django-axes calls both (settings AXES_CLIENT_IP_CALLABLE, AXES_USERNAME_CALLABLE) and the
audit trail uses the same address, so a lockout and the entries beside it agree.
"""

from proxies import client_address

__all__ = ["client_address", "typed_username"]


def typed_username(request, credentials=None):
    """The account name tried, folded so "Editor" and "editor " count as one account."""
    field = "username"
    if credentials is not None:
        typed = credentials.get(field)
    else:
        typed = getattr(request, "POST", {}).get(field)
    return typed.strip().casefold() if isinstance(typed, str) else typed
