"""Failed sign-ins and lockouts (django-axes' attempts): lift a lockout, recorded."""

from django.conf import settings
from django.contrib import admin, messages
from django.contrib.auth import get_user_model
from django.db.models import OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone

from .. import audit
from ..models import SignInLockout

Action = audit.Action
User = get_user_model()


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
