"""Signed-in sessions: each lasts a working day at most, and can be ended from elsewhere.

Every sign-in makes a StaffSession row and keeps its id in the session; a session whose
row is gone or past its end counts as signed out (staff/middleware.py). Ending a session
deletes its row and, where the session engine stores sessions, the session itself.
"""

from datetime import timedelta
from importlib import import_module

from django.conf import settings
from django.utils import timezone

from . import audit
from .addresses import client_address
from .models import StaffSession

Action = audit.Action

SESSION_ROW = "staff_session"


def started(request, user):
    """On every sign-in: the session ends STAFF_SESSION_HOURS later, whatever happens."""
    ends_at = timezone.now() + timedelta(hours=settings.STAFF_SESSION_HOURS)
    session = request.session
    # A fixed end, not one that slides on with each request.
    session.set_expiry(ends_at)
    row = StaffSession.objects.create(
        user=user,
        session_key=session.session_key or "",
        ends_at=ends_at,
        address=client_address(request),
        user_agent=request.META.get("HTTP_USER_AGENT", "")[:200],
    )
    session[SESSION_ROW] = row.pk
    StaffSession.objects.filter(user=user, ends_at__lte=timezone.now()).delete()


def ended(request):
    """On sign-out: forget this session's row."""
    session = getattr(request, "session", None)
    if session is not None and (row_id := session.get(SESSION_ROW)):
        StaffSession.objects.filter(pk=row_id).delete()


def is_live(request, user):
    row_id = request.session.get(SESSION_ROW)
    return (
        row_id is not None
        and StaffSession.objects.filter(pk=row_id, user=user, ends_at__gt=timezone.now()).exists()
    )


def live_sessions(user):
    return StaffSession.objects.filter(user=user, ends_at__gt=timezone.now())


def _end(rows):
    store = import_module(settings.SESSION_ENGINE).SessionStore
    for key in rows.exclude(session_key="").values_list("session_key", flat=True):
        store().delete(key)
    return rows.delete()[0]


def end_others(*, request, user):
    """ "Sign out my other sessions": every session of `user` but this one. Returns how many."""
    others = live_sessions(user).exclude(pk=request.session.get(SESSION_ROW))
    count = _end(others)
    StaffSession.objects.filter(user=user, ends_at__lte=timezone.now()).delete()
    audit.record(
        Action.SESSIONS_ENDED,
        target=user,
        actor=user,
        detail=f"signed out {count} other session{'s' if count != 1 else ''}",
    )
    return count


def end_all(*, user):
    """Every session of `user`, unrecorded: for callers that record why (a reset)."""
    return _end(StaffSession.objects.filter(user=user))


def sign_out_everywhere(*, user, by):
    """An Administrator ends all of a colleague's sessions (a stolen laptop, say)."""
    count = end_all(user=user)
    audit.record(
        Action.SESSIONS_ENDED,
        target=user,
        actor=by,
        detail=f"signed out everywhere ({count} session{'s' if count != 1 else ''})",
    )
    return count
