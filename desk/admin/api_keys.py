"""API keys in the admin: issued (shown once), renamed, re-limited and revoked through
api/keys.py. Administrators of the site (the role's `api` permissions, articles/roles.py)
and superusers: a key reads nothing a reader cannot, but its holders and limits are the
site's business."""

from django.contrib import admin, messages

from api import keys
from api.models import ApiKey


class NeverDeleted:
    """Seen and changed by the roles holding the model's permissions (Administrators), but
    never deleted: revoked or disabled instead, so the log keeps a name for it."""

    def has_delete_permission(self, request, obj=None):
        return False


@admin.register(ApiKey)
class ApiKeyAdmin(NeverDeleted, admin.ModelAdmin):
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
