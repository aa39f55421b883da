"""The staff's own security pages in the admin: two-factor, sessions, and the lockout page."""

from base64 import b32encode

from django.conf import settings
from django.contrib import admin, messages
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from . import sessions, two_factor
from .forms import EnrolForm
from .policy import second_factor_required
from .qr import qr_data_uri
from .sign_in import finish, pending_user, start_again


def _page(request, site, template, title, **context):
    context = {**site.each_context(request), "title": title, "subtitle": None, **context}
    return TemplateResponse(request, f"admin/staff/{template}", context)


def _grouped_key(device):
    key = b32encode(device.bin_key).decode()
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def _backup_codes_page(request, site, codes, next_url):
    return _page(
        request, site, "backup_codes.html", "Your backup codes", codes=codes, next_url=next_url
    )


@never_cache
@sensitive_post_parameters("code")
def enrol(request, site):
    """Add an authenticator app: scan the key, type a code from it, get backup codes.

    Open to a signed-in user, and to a pending sign-in whose account requires a second
    factor it does not have yet; a pending sign-in that has one must use it instead.
    """
    signed_in = site.has_permission(request)
    user = request.user if signed_in else pending_user(request)
    if user is None:
        return start_again(request)
    if not signed_in and two_factor.has_second_factor(user):
        return redirect("admin:login_code")
    device = two_factor.enrolment_device(user)
    form = EnrolForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if done := two_factor.confirm_enrolment(user=user, code=form.cleaned_data["code"]):
            device, codes = done
            if signed_in:
                otp_login(request, device)  # the old app, if any, is gone: this one verifies
                next_url = reverse("admin:two_factor")
            else:
                next_url = finish(request, user, device)
            return _backup_codes_page(request, site, codes, next_url)
        form.add_error("code", "That code is not the one the app shows. Try the next one.")
    return _page(
        request,
        site,
        "enrol.html",
        "Set up two-factor sign-in",
        form=form,
        qr=qr_data_uri(device.config_url),
        key=_grouped_key(device),
        issuer=settings.OTP_TOTP_ISSUER,
        account=user.get_username(),
        required=second_factor_required(user),
        pending=not signed_in,
    )


@never_cache
def two_factor_page(request, site):
    """Where a signed-in user sees and changes their second factor."""
    user = request.user
    if request.method == "POST":
        if "renew" in request.POST and two_factor.has_second_factor(user):
            codes = two_factor.renew_backup_codes(user=user)
            return _backup_codes_page(request, site, codes, reverse("admin:two_factor"))
        if "turn_off" in request.POST and not second_factor_required(user):
            two_factor.turn_off(user=user)
            messages.success(request, "Two-factor sign-in is off for your account.")
        return redirect("admin:two_factor")
    return _page(
        request,
        site,
        "two_factor.html",
        "Two-factor sign-in",
        enabled=two_factor.has_second_factor(user),
        codes_left=two_factor.backup_codes_left(user),
        required=second_factor_required(user),
    )


@never_cache
def sessions_page(request, site):
    """Where a signed-in user sees where they are signed in, and signs the others out."""
    if request.method == "POST":
        count = sessions.end_others(request=request, user=request.user)
        messages.success(request, f"Signed out {count} other session{'s' if count != 1 else ''}.")
        return redirect("admin:sessions")
    current = request.session.get(sessions.SESSION_ROW)
    return _page(
        request,
        site,
        "sessions.html",
        "Where you are signed in",
        sessions=sessions.live_sessions(request.user),
        current=current,
    )


def locked_out(request, original_response=None, credentials=None):
    """django-axes' lockout response (AXES_LOCKOUT_CALLABLE): the same words whoever asks,
    so it never tells whether the account exists."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    context = {
        **admin.site.each_context(request),
        "title": "Sign-in paused",
        "subtitle": None,
        "minutes": minutes,
    }
    # 429 Too Many Requests: a client told to wait, not refused for good.
    return TemplateResponse(request, "admin/staff/locked_out.html", context, status=429).render()
