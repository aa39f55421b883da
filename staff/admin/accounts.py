"""Users and roles: a "Two-factor" column, and actions to reset a colleague's second
factor or sign them out everywhere. Users' and roles' forms record each save as one entry
per kind of change (audit.grouped)."""

from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.db.models import Exists, OuterRef
from django_otp.plugins.otp_totp.models import TOTPDevice

from .. import audit, sessions, two_factor

Action = audit.Action
User = get_user_model()

admin.site.unregister(User)
admin.site.unregister(Group)
# Devices are managed through their users (reset below), never edited by hand: the
# authenticator key is a secret even an Administrator should not read.
if admin.site.is_registered(TOTPDevice):
    admin.site.unregister(TOTPDevice)


@admin.register(User)
class StaffUserAdmin(UserAdmin):
    list_display = ["username", "email", "first_name", "last_name", "is_staff", "is_active"]
    list_display += ["two_factor", "last_login"]
    list_filter = [*UserAdmin.list_filter, "last_login"]
    actions = ["reset_two_factor", "sign_out_everywhere"]

    def get_queryset(self, request):
        enrolled = TOTPDevice.objects.filter(user=OuterRef("pk"), confirmed=True)
        return super().get_queryset(request).annotate(has_two_factor=Exists(enrolled))

    @admin.display(description="two-factor", boolean=True, ordering="has_two_factor")
    def two_factor(self, user):
        return user.has_two_factor

    @admin.action(
        description="Reset two-factor (they enrol a new app at next sign-in)",
        permissions=["change"],
    )
    def reset_two_factor(self, request, queryset):
        for user in queryset:
            two_factor.reset(user=user, by=request.user)
        self.message_user(
            request,
            f"Reset two-factor sign-in for {', '.join(u.get_username() for u in queryset)}; "
            "they are signed out everywhere.",
            messages.SUCCESS,
        )

    @admin.action(description="Sign out everywhere", permissions=["change"])
    def sign_out_everywhere(self, request, queryset):
        for user in queryset:
            sessions.sign_out_everywhere(user=user, by=request.user)
        names = ", ".join(u.get_username() for u in queryset)
        self.message_user(request, f"Signed out {names} everywhere.", messages.SUCCESS)

    def changeform_view(self, request, *args, **kwargs):
        with audit.grouped():
            return super().changeform_view(request, *args, **kwargs)


@admin.register(Group)
class RoleAdmin(GroupAdmin):
    def changeform_view(self, request, *args, **kwargs):
        with audit.grouped():
            return super().changeform_view(request, *args, **kwargs)
