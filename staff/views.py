"""The staff's own security pages in the admin: two-factor, sessions, and the lockout page."""

from base64 import b32encode

from axes.handlers.proxy import AxesProxyHandler
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth.signals import user_login_failed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login

from . import sessions, two_factor
from .forms import ConfirmForm, EnrolForm
from .policy import second_factor_required
from .qr import qr_data_uri
from .receivers import CONFIRMING
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


# The password or a current code, asked before a second factor already on the account
# changes (staff/two_factor.py). A wrong one counts toward the sign-in lockout, as at
# sign-in: an open session must not be a way to guess the password.

NOT_CONFIRMED = "That is neither your password nor a current code. Nothing was changed."


def _proof_paused(request, user, form):
    """Whether tries are paused for the account or the address, said on the form if so."""
    if AxesProxyHandler.is_allowed(request, {"username": user.get_username()}):
        return False
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    message = f"Too many wrong tries: wait {minutes} minutes. Nothing was changed."
    form.add_error("proof", message)
    return True


def _proof_refused(request, user, form):
    credentials = {"username": user.get_username(), CONFIRMING: True}
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    # A pending sign-in has no such field: it is refused only if it gained an app meanwhile.
    form.add_error("proof" if "proof" in form.fields else None, NOT_CONFIRMED)


@never_cache
@sensitive_post_parameters("code", "proof")
def enrol(request, site):
    """Add an authenticator app: scan the key, type a code from it, get backup codes.

    Open to a signed-in user, and to a pending sign-in whose account requires a second
    factor it does not have yet; a pending sign-in that has one must use it instead. A
    signed-in user replacing an app gives their password or a current code as well.
    """
    signed_in = site.has_permission(request)
    user = request.user if signed_in else pending_user(request)
    if user is None:
        return start_again(request)
    if not signed_in and two_factor.has_second_factor(user):
        return redirect("admin:login_code")
    device = two_factor.enrolment_device(user)
    replacing = two_factor.has_second_factor(user)
    form = EnrolForm(request.POST or None, replacing=replacing)
    valid = request.method == "POST" and form.is_valid()
    if valid and not (replacing and _proof_paused(request, user, form)):
        code, proof = form.cleaned_data["code"], form.cleaned_data.get("proof")
        try:
            done = two_factor.confirm_enrolment(user=user, code=code, proof=proof)
        except two_factor.NotConfirmed:
            _proof_refused(request, user, form)
        else:
            if done is None:
                form.add_error("code", "That code is not the one the app shows. Try the next one.")
            else:
                device, codes = done
                if signed_in:
                    otp_login(request, device)  # the old app is gone: this one verifies
                    next_url = reverse("admin:two_factor")
                else:
                    next_url = finish(request, user, device)
                return _backup_codes_page(request, site, codes, next_url)
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
        replacing=replacing,
    )


@never_cache
@sensitive_post_parameters("proof")
def two_factor_page(request, site):
    """Where a signed-in user sees and changes their second factor (with their password or
    a current code)."""
    user = request.user
    enabled = two_factor.has_second_factor(user)
    form = ConfirmForm(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        renew = "renew" in request.POST
        turn_off = "turn_off" in request.POST and not second_factor_required(user)
        if not (enabled and (renew or turn_off)):
            return redirect("admin:two_factor")
        if form.is_valid() and not _proof_paused(request, user, form):
            proof = form.cleaned_data["proof"]
            try:
                if renew:
                    codes = two_factor.renew_backup_codes(user=user, proof=proof)
                    return _backup_codes_page(request, site, codes, reverse("admin:two_factor"))
                two_factor.turn_off(user=user, proof=proof)
            except two_factor.NotConfirmed:
                _proof_refused(request, user, form)
            else:
                messages.success(request, "Two-factor sign-in is off for your account.")
                return redirect("admin:two_factor")
    return _page(
        request,
        site,
        "two_factor.html",
        "Two-factor sign-in",
        form=form,
        enabled=enabled,
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
