"""What the proxies in front of the app servers say about a request: its client's address.

Staff sign-in throttling, the audit trail and readers' sign-in throttling all count by
this one reading. It knows no app of ours.
"""

import ipaddress

from django.conf import settings


def _valid(text):
    try:
        return str(ipaddress.ip_address(text.strip()))
    except ValueError:
        return None


def client_address(request):
    """The address the request came from: REMOTE_ADDR, unless settings name a proxy's header.

    A header is trusted only when CLIENT_IP_HEADER names it (anyone can send one): behind
    a proxy that appends the address it saw to X-Forwarded-For, the client is the entry
    CLIENT_IP_PROXY_COUNT places from the right; what a client wrote on the left of it
    is ignored. A missing or malformed header falls back to REMOTE_ADDR (the proxy).
    """
    meta = getattr(request, "META", {})
    remote = _valid(meta.get("REMOTE_ADDR") or "")
    header = settings.CLIENT_IP_HEADER
    if not header:
        return remote
    value = meta.get("HTTP_" + header.upper().replace("-", "_"), "")
    entries = [entry for entry in value.split(",") if entry.strip()]
    count = max(settings.CLIENT_IP_PROXY_COUNT, 1)
    if len(entries) < count:
        return remote
    return _valid(entries[-count]) or remote
