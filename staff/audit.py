"""Writing the audit trail: `record()` one entry; `grouped()` makes one entry of many changes.

Who and from where come from the request being served (set by AuditContextMiddleware),
unless the caller says who: the workflow's signals name their user. Outside a request
(a shell, a management command) an entry has no address, and no actor unless given.
"""

import contextvars
from contextlib import contextmanager

from .addresses import client_address
from .models import AuditEntry

Action = AuditEntry.Action

_request = contextvars.ContextVar("staff_audit_request", default=None)
_group = contextvars.ContextVar("staff_audit_group", default=None)
_FROM_REQUEST = object()


@contextmanager
def serving(request):
    """Entries recorded inside the block are made on behalf of `request`."""
    token = _request.set(request)
    try:
        yield
    finally:
        _request.reset(token)


def current_request():
    return _request.get()


def _signed_in(request):
    user = getattr(request, "user", None)
    return user if user is not None and user.is_authenticated else None


def describe(obj):
    """(kind, id, name) of an object, as an entry keeps them (as text: it may be deleted)."""
    return obj._meta.label_lower, str(obj.pk), str(obj)[:200]


def record(action, *, target=None, actor=_FROM_REQUEST, detail="", request=None):
    """Write one entry (or add it to the group being collected). Returns the entry."""
    request = request or current_request()
    if actor is _FROM_REQUEST:
        actor = _signed_in(request)
    entry = AuditEntry(
        action=action,
        actor=actor if actor is not None and actor.pk else None,
        actor_name=actor.get_username() if actor is not None else "",
        detail=detail,
        address=client_address(request) if request is not None else None,
    )
    if target is not None:
        entry.target_type, entry.target_id, entry.target_repr = describe(target)
    group = _group.get()
    if group is None:
        entry.save()
        return entry
    key = (entry.action, entry.actor_id, entry.target_type, entry.target_id)
    if key in group:
        group[key].detail = "; ".join(part for part in (group[key].detail, detail) if part)
    else:
        group[key] = entry
    return group[key]


@contextmanager
def grouped():
    """The changes one form save makes become one entry per action and object.

    Saving a user's form may withdraw one role and grant another, and change permissions
    and flags: each is a signal of its own, but it is one decision. Entries are written
    when the block ends without an error; if it fails, nothing was changed to record.
    """
    if _group.get() is not None:  # already collecting: the outer block writes
        yield
        return
    collected = {}
    token = _group.set(collected)
    try:
        yield
    finally:
        _group.reset(token)
    for entry in collected.values():
        entry.save()
