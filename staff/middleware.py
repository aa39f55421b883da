"""Per request: who is signed in, truly, and on whose behalf audit entries are written.

StaffSessionMiddleware sits after django-otp's OTPMiddleware. It leaves `request.user`
lazy (an anonymous reader's page never touches the session, so stays cacheable) and,
when it is read, treats as signed out a session that was ended elsewhere or has passed
its working day, or that lacks the second factor the account requires. Such a session
reaches nothing: not the admin, not a preview. Signing in again (with the second
factor) is the way back.
"""

from django.contrib.auth.models import AnonymousUser
from django.utils.functional import SimpleLazyObject

from . import audit, sessions
from .policy import second_factor_required


def _signed_out():
    user = AnonymousUser()
    user.otp_device = None  # as django-otp equips every user
    user.is_verified = lambda: False
    return user


def _checked(request, user):
    if not user.is_authenticated:
        return user
    if not sessions.is_live(request, user):
        return _signed_out()
    if not user.is_verified() and second_factor_required(user):
        return _signed_out()
    return user


class StaffSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = request.user  # still lazy: OTPMiddleware's
        request.user = SimpleLazyObject(lambda: _checked(request, user))
        return self.get_response(request)


class AuditContextMiddleware:
    """Audit entries written while serving a request name its user and address."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with audit.serving(request):
            return self.get_response(request)
