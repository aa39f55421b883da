"""API keys in the admin: issued (shown once), renamed, re-limited and revoked through
api/keys.py. Administrators of the site only (superusers): a key reads nothing a reader
cannot, but its holders and limits are the site's business."""

from django.contrib import admin, messages

from api import keys
from api.models import ApiKey


class SuperusersOnly:
    """Seen and changed by superusers alone, whatever permissions a role holds."""

    def has_module_permission(self, request):
        return request.user.is_active and request.user.is_superuser

    def has_view_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_change_permission(self, request, obj=None):
        return self.has_module_permission(request)

    def has_add_permission(self, request):
        return self.has_module_permission(request)

    def has_delete_permission(self, request, obj=None):
        return False  # revoke or disable instead: the log keeps a name for it


@admin.register(ApiKey)
class ApiKeyAdmin(SuperusersOnly, admin.ModelAdmin):
    list_display = ["name", "prefix", "requests_per_minute", "created_at", "active"]
    list_filter = [("revoked_at", admin.EmptyFieldListFilter)]
    search_fields = ["name", "prefix"]
    fields = ["name", "requests_per_minute", "prefix", "created_at", "revoked_at"]
    readonly_fields = ["prefix", "created_at", "revoked_at"]
    actions = ["revoke"]

    @admin.display(description="Active", boolean=True)
    def active(self, key):
        return key.is_active

    def save_model(self, request, obj, form, change):
        if change:
            keys.change_limit(key=obj, name=obj.name, requests_per_minute=obj.requests_per_minute)
            return
        issued, raw = keys.issue_key(name=obj.name, requests_per_minute=obj.requests_per_minute)
        obj.pk, obj.prefix, obj.created_at = issued.pk, issued.prefix, issued.created_at
        obj._state.adding = False
        messages.warning(
            request, f"The key for {issued.name} is {raw} — copy it now: it is never shown again."
        )

    @admin.action(description="Revoke the selected keys (refused from now on)")
    def revoke(self, request, queryset):
        for key in queryset:
            keys.revoke_key(key=key)
        self.message_user(request, f"Revoked {queryset.count()} key(s).")
