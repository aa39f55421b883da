"""Staff security in the admin: the audit trail, lockouts, and accounts' second factors.

- The audit trail: Administrators read, filter and export it; nobody adds, edits or
  deletes an entry here (superusers included).
- Failed sign-ins and lockouts (django-axes' attempts): lift a lockout, recorded.
- Users: a "Two-factor" column, and actions to reset a colleague's second factor or
  sign them out everywhere. Users' and roles' forms record each save as one entry per
  kind of change (audit.grouped).
"""

import csv

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import GroupAdmin, UserAdmin
from django.contrib.auth.models import Group
from django.core.exceptions import PermissionDenied
from django.db.models import Exists, OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.http import StreamingHttpResponse
from django.shortcuts import redirect
from django.urls import path, reverse
from django.utils import timezone
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import audit, sessions, two_factor
from .models import AuditEntry, SignInLockout

Action = audit.Action
User = get_user_model()


# The audit trail.


class _Echo:
    def write(self, value):
        return value


def _cell(value):
    """A cell a spreadsheet shows as text, never runs as a formula (=, +, -, @)."""
    text = str(value if value is not None else "")
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@admin.register(AuditEntry)
class AuditEntryAdmin(admin.ModelAdmin):
    list_display = ["at", "who", "action", "object", "address", "detail"]
    list_filter = ["action", "target_type", "actor_name"]
    search_fields = ["actor_name", "target_repr", "detail", "address"]
    date_hierarchy = "at"
    fields = ["at", "actor_name", "action", "target_type", "target_id", "target_repr"]
    fields += ["detail", "address"]
    readonly_fields = fields
    actions = None
    list_per_page = 100
    change_list_template = "admin/staff/auditentry/change_list.html"

    @admin.display(description="who", ordering="actor_name")
    def who(self, entry):
        return entry.actor_name or "—"

    @admin.display(description="object", ordering="target_repr")
    def object(self, entry):
        if not entry.target_type:
            return "—"
        kind = entry.target_type.split(".")[-1]
        return f"{entry.target_repr} ({kind} {entry.target_id})"

    # Read only, for everyone.

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def get_urls(self):
        export = path(
            "export/",
            self.admin_site.admin_view(self.export_view),
            name="staff_auditentry_export",
        )
        return [export, *super().get_urls()]

    def changelist_view(self, request, extra_context=None):
        query = request.GET.urlencode()
        export_url = reverse("admin:staff_auditentry_export") + (f"?{query}" if query else "")
        return super().changelist_view(request, {"export_url": export_url, **(extra_context or {})})

    def export_view(self, request):
        """The entries the list shows (its filters, search and order), every page, as CSV."""
        if not self.has_view_permission(request):
            raise PermissionDenied
        try:
            entries = self.get_changelist_instance(request).get_queryset(request)
        except IncorrectLookupParameters:
            messages.error(request, "Those filters are not valid: nothing was exported.")
            return redirect("admin:staff_auditentry_changelist")
        writer = csv.writer(_Echo())
        header = ["when", "who", "what", "kind of object", "object id", "object", "detail"]
        header.append("address")
        rows = (
            [
                timezone.localtime(entry.at).isoformat(timespec="seconds"),
                entry.actor_name,
                entry.get_action_display(),
                entry.target_type,
                entry.target_id,
                entry.target_repr,
                entry.detail,
                entry.address,
            ]
            for entry in entries.iterator()
        )
        lines = (writer.writerow([_cell(value) for value in row]) for row in rows)
        stamp = timezone.localtime().strftime("%Y%m%d-%H%M")
        response = StreamingHttpResponse(
            _chain(writer.writerow(header), lines), content_type="text/csv; charset=utf-8"
        )
        response["Content-Disposition"] = f'attachment; filename="audit-trail-{stamp}.csv"'
        return response


def _chain(first, rest):
    yield first
    yield from rest


# Failed sign-ins and lockouts.


class LockedFilter(admin.SimpleListFilter):
    title = "locked now"
    parameter_name = "locked"

    def lookups(self, request, model_admin):
        return [("yes", "Locked"), ("no", "Not locked")]

    def queryset(self, request, queryset):
        limit = settings.AXES_FAILURE_LIMIT
        locked = {"account_failures__gte": limit}
        by_address = {"address_failures__gte": limit}
        if self.value() == "yes":
            return queryset.filter(**locked) | queryset.filter(**by_address)
        if self.value() == "no":
            return queryset.exclude(**locked).exclude(**by_address)
        return queryset


@admin.register(SignInLockout)
class SignInLockoutAdmin(admin.ModelAdmin):
    """Each row is the failures of one name typed, from one address and browser.

    An account is locked when the failures for its name reach the limit within the
    cool-off, from wherever; an address is locked when the failures from it do, for
    whatever names. Lifting a lockout forgets those failures.
    """

    list_display = ["username", "ip_address", "failures_since_start", "attempt_time"]
    list_display += ["account_locked", "address_locked", "locked_until"]
    list_filter = [LockedFilter]
    search_fields = ["username", "ip_address"]
    fields = ["username", "ip_address", "user_agent", "failures_since_start", "attempt_time"]
    readonly_fields = fields
    actions = ["unlock_accounts", "unlock_addresses"]

    def get_queryset(self, request):
        window = timezone.now() - settings.AXES_COOLOFF_TIME
        recent = SignInLockout.objects.filter(attempt_time__gte=window)

        def failures(**match):
            total = recent.filter(**match).values(*match).annotate(n=Sum("failures_since_start"))
            return Coalesce(Subquery(total.values("n")[:1]), 0)

        return (
            super()
            .get_queryset(request)
            .annotate(
                account_failures=failures(username=OuterRef("username")),
                address_failures=failures(ip_address=OuterRef("ip_address")),
            )
        )

    @admin.display(description="account locked", boolean=True)
    def account_locked(self, row):
        return row.account_failures >= settings.AXES_FAILURE_LIMIT

    @admin.display(description="address locked", boolean=True)
    def address_locked(self, row):
        return row.address_failures >= settings.AXES_FAILURE_LIMIT

    @admin.display(description="until about")
    def locked_until(self, row):
        if self.account_locked(row) or self.address_locked(row):
            return timezone.localtime(row.attempt_time + settings.AXES_COOLOFF_TIME)
        return "—"

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def get_actions(self, request):
        actions = super().get_actions(request)
        actions.pop("delete_selected", None)  # lifting goes through the recorded actions
        return actions

    def delete_model(self, request, obj):
        what = f"“{obj.username}” from {obj.ip_address}"
        self._lift(request, SignInLockout.objects.filter(pk=obj.pk), what, obj.username)

    @admin.action(description="Unlock the accounts (forget their failures)", permissions=["delete"])
    def unlock_accounts(self, request, queryset):
        for name in sorted(set(queryset.values_list("username", flat=True))):
            rows = SignInLockout.objects.filter(username=name)
            self._lift(request, rows, f"the account “{name}”", name)

    @admin.action(
        description="Unlock the addresses (forget failures from them)", permissions=["delete"]
    )
    def unlock_addresses(self, request, queryset):
        for address in sorted(set(queryset.values_list("ip_address", flat=True)), key=str):
            rows = SignInLockout.objects.filter(ip_address=address)
            self._lift(request, rows, f"the address {address}")

    def _lift(self, request, rows, what, username=None):
        count, _ = rows.delete()
        # Names are counted case-folded (staff/addresses.py): find the account that way too.
        account = None
        if username:
            account = User._default_manager.filter(username__iexact=username).first()
        plural = "s" if count != 1 else ""
        audit.record(
            Action.LOCKOUT_LIFTED,
            target=account,
            detail=f"{what}: {count} failed sign-in record{plural} forgotten",
        )
        self.message_user(request, f"Unlocked {what}.", messages.SUCCESS)


# Users and roles.

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
