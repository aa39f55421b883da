"""Signing in to the admin: the password, then the second factor, then a session.

A right password alone signs in only those with no second factor who are not required
to have one. Everyone else is *pending*: the session remembers who (for a few minutes)
but nobody is signed in until the code step, or the enrolment of a first app, is done.
Wrong passwords and wrong codes both count toward django-axes' lockout.
"""

import time

from axes.handlers.proxy import AxesProxyHandler
from django.contrib import messages
from django.contrib.admin.forms import AdminAuthenticationForm
from django.contrib.auth import REDIRECT_FIELD_NAME, get_user_model, login
from django.contrib.auth.signals import user_login_failed
from django.contrib.auth.views import LoginView
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters

from . import two_factor
from .forms import CodeForm
from .policy import second_factor_required
from .receivers import SECOND_FACTOR

PENDING = "staff_pending_sign_in"
PENDING_SECONDS = 5 * 60


# The pending sign-in, kept in the (not yet signed-in) session.


def _begin(request, user, next_url):
    request.session[PENDING] = {
        "user": user.pk,
        "backend": user.backend,
        "next": next_url,
        "since": time.time(),
    }


def pending_user(request):
    """Who gave the right password here in the last few minutes, if anyone."""
    pending = request.session.get(PENDING)
    if not pending or time.time() - pending["since"] > PENDING_SECONDS:
        return None
    user = get_user_model()._default_manager.filter(pk=pending["user"], is_active=True).first()
    if user is not None:
        user.backend = pending["backend"]
    return user


def forget_pending(request):
    request.session.pop(PENDING, None)


def finish(request, user, device):
    """Sign `user` in, verified by `device`; returns where they were going."""
    next_url = request.session[PENDING]["next"]
    # django-otp keeps the device in the session when login() finds it on the user.
    user.otp_device = device
    login(request, user)
    forget_pending(request)
    return next_url


def start_again(request):
    messages.warning(request, "Sign in with your password first: it waits five minutes for a code.")
    return redirect("admin:login")


# Step one: the password.


class PasswordStep(LoginView):
    authentication_form = AdminAuthenticationForm
    template_name = "admin/login.html"

    def get_default_redirect_url(self):
        return reverse("admin:index")

    def form_valid(self, form):
        user = form.get_user()
        has_app = two_factor.has_second_factor(user)
        if not (has_app or second_factor_required(user)):
            return super().form_valid(form)
        _begin(self.request, user, self.get_success_url())
        return redirect("admin:login_code" if has_app else "admin:two_factor_enrol")


def password_step(request, site, extra_context=None):
    """The admin's login page (AdminSite.login), with the steps above."""
    context = {
        **site.each_context(request),
        "title": "Sign in",
        "subtitle": None,
        "app_path": request.get_full_path(),
        "username": request.user.get_username(),
    }
    if REDIRECT_FIELD_NAME not in request.GET and REDIRECT_FIELD_NAME not in request.POST:
        context[REDIRECT_FIELD_NAME] = reverse("admin:index", current_app=site.name)
    context.update(extra_context or {})
    request.current_app = site.name
    return PasswordStep.as_view(extra_context=context)(request)


# Step two: the code.


def _refuse(request, user, *, wrong_code):
    """Tell django-axes of a refused code as Django tells it of a refused password: a wrong
    code counts (and may lock out); a try during a lockout is refused as its backend does."""
    credentials = {"username": user.get_username()}
    if wrong_code:
        credentials[SECOND_FACTOR] = True
    else:
        request.axes_locked_out = True
    user_login_failed.send(sender=__name__, credentials=credentials, request=request)
    if getattr(request, "axes_locked_out", False):
        # The lockout page replaces this response (AxesMiddleware); after the cool-off,
        # the password again.
        forget_pending(request)


@never_cache
@sensitive_post_parameters("code")
def code_step(request, site):
    user = pending_user(request)
    if user is None:
        return start_again(request)
    if not two_factor.has_second_factor(user):
        return redirect("admin:two_factor_enrol")
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not AxesProxyHandler.is_allowed(request, {"username": user.get_username()}):
            _refuse(request, user, wrong_code=False)
        elif device := two_factor.verify(user=user, code=form.cleaned_data["code"]):
            return redirect(finish(request, user, device))
        else:
            _refuse(request, user, wrong_code=True)
            form.add_error(
                "code",
                "That code is not right. Codes change every 30 seconds: type the one your "
                "app shows now, or a backup code.",
            )
    context = {
        **site.each_context(request),
        "title": "Two-factor sign-in",
        "subtitle": None,
        "form": form,
        "pending_username": user.get_username(),
    }
    return TemplateResponse(request, "admin/staff/login_code.html", context)
