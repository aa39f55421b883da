"""The admin site staff sign in to: a password, then a second factor where one is required.

Installed as Django's default admin site (staff/admin_apps.py, in INSTALLED_APPS), so every
app's `admin.site.register` lands here. It adds the sign-in's code step, the enrolment of
an authenticator app, and each user's two-factor and sessions pages; the "Your account"
section of the index links to them.
"""

from functools import partial

from django.contrib import admin
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils.text import slugify

from . import sign_in, views


class StaffAdminSite(admin.AdminSite):
    def get_urls(self):
        own = [
            # A pending sign-in is nobody yet: these two are not behind admin_view.
            path("login/code/", partial(sign_in.code_step, site=self), name="login_code"),
            path("two-factor/enrol/", partial(views.enrol, site=self), name="two_factor_enrol"),
            path(
                "two-factor/",
                self.admin_view(partial(views.two_factor_page, site=self)),
                name="two_factor",
            ),
            path(
                "sessions/",
                self.admin_view(partial(views.sessions_page, site=self)),
                name="sessions",
            ),
        ]
        return own + super().get_urls()

    def login(self, request, extra_context=None):
        if request.method == "GET" and self.has_permission(request):
            return redirect(reverse("admin:index", current_app=self.name))
        return sign_in.password_step(request, self, extra_context)

    def get_app_list(self, request, app_label=None):
        apps = super().get_app_list(request, app_label)
        if app_label is None and self.has_permission(request):
            apps.append(
                {
                    "name": "Your account",
                    "app_label": "your_account",
                    "app_url": reverse("admin:two_factor", current_app=self.name),
                    "has_module_perms": True,
                    "models": [
                        _link("Two-factor sign-in", "admin:two_factor", self),
                        _link("Where you are signed in", "admin:sessions", self),
                        _link("Change your password", "admin:password_change", self),
                    ],
                }
            )
        return apps


def _link(name, url_name, site):
    return {
        "name": name,
        # The admin writes it into an element's id: no spaces (HTML ids have none).
        "object_name": slugify(name),
        "admin_url": reverse(url_name, current_app=site.name),
        "view_only": True,
        "perms": {"view": True},
    }
